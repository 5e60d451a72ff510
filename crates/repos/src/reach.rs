//! Where `clone` may fetch from: `https` URLs of public hosts. A host's addresses are checked
//! once its name is resolved, before any connection, and the HTTP client gitoxide builds checks
//! the peer of every connection it opens (redirects and names resolved anew included), so that
//! no catalogue entry makes the exporter reach a loopback, link-local or private address.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::Url;

/// Whether `file://` URLs (local copies, for trials and tests) may be cloned too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalFiles {
    Refused,
    Allowed,
}

/// Why a repository URL is not fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not `https` (`http`, or `file` when local copies are not allowed).
    NotHttps { scheme: String },
    /// The host's name gives no address.
    NoAddress { host: String, error: String },
    /// The host is, or resolves to, an address that is not public.
    NotPublic { host: String, address: IpAddr },
}

/// Checks that `url` may be fetched: `https` on a host whose every address is public (or
/// `file://` when `local_files` allows it).
pub fn check(url: &str, local_files: LocalFiles) -> Result<(), Refusal> {
    let Ok(parsed) = Url::parse(url) else {
        return Err(Refusal::NotHttps {
            scheme: String::new(),
        });
    };
    match (parsed.scheme(), local_files) {
        ("https", _) => {}
        ("file", LocalFiles::Allowed) => return Ok(()),
        (scheme, _) => {
            return Err(Refusal::NotHttps {
                scheme: scheme.to_string(),
            })
        }
    }
    let host = parsed.host_str().unwrap_or_default().to_string();
    let addresses = match parsed.socket_addrs(|| Some(443)) {
        Ok(addresses) if !addresses.is_empty() => addresses,
        Ok(_) => {
            return Err(Refusal::NoAddress {
                host,
                error: String::new(),
            })
        }
        Err(error) => {
            return Err(Refusal::NoAddress {
                host,
                error: error.to_string(),
            })
        }
    };
    match addresses
        .iter()
        .map(std::net::SocketAddr::ip)
        .find(|ip| !is_public(*ip))
    {
        Some(address) => Err(Refusal::NotPublic { host, address }),
        None => Ok(()),
    }
}

/// The IPv4 blocks that are not public (IANA special-purpose registry): this network, private,
/// shared (carrier-grade NAT), loopback, link-local, protocol assignments, documentation, 6to4
/// relays, benchmarking, multicast, reserved and broadcast.
const NOT_PUBLIC_V4: [(Ipv4Addr, u32); 15] = [
    (Ipv4Addr::new(0, 0, 0, 0), 8),
    (Ipv4Addr::new(10, 0, 0, 0), 8),
    (Ipv4Addr::new(100, 64, 0, 0), 10),
    (Ipv4Addr::new(127, 0, 0, 0), 8),
    (Ipv4Addr::new(169, 254, 0, 0), 16),
    (Ipv4Addr::new(172, 16, 0, 0), 12),
    (Ipv4Addr::new(192, 0, 0, 0), 24),
    (Ipv4Addr::new(192, 0, 2, 0), 24),
    (Ipv4Addr::new(192, 88, 99, 0), 24),
    (Ipv4Addr::new(192, 168, 0, 0), 16),
    (Ipv4Addr::new(198, 18, 0, 0), 15),
    (Ipv4Addr::new(198, 51, 100, 0), 24),
    (Ipv4Addr::new(203, 0, 113, 0), 24),
    (Ipv4Addr::new(224, 0, 0, 0), 4),
    (Ipv4Addr::new(240, 0, 0, 0), 4),
];

/// Whether an address is one a public host may have. IPv6 forms that carry an IPv4 address
/// (mapped, NAT64, 6to4) are judged by it; unique-local, link-local, multicast, documentation,
/// discard-only, Teredo and the deprecated IPv4-compatible forms are not public.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => !NOT_PUBLIC_V4.iter().any(|(block, prefix)| {
            let mask = u32::MAX << (32 - prefix);
            u32::from(v4) & mask == u32::from(*block)
        }),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v6(v6: Ipv6Addr) -> bool {
    if let Some(v4) = v6.to_ipv4_mapped() {
        return is_public(IpAddr::V4(v4));
    }
    let s = v6.segments();
    let embedded = |high: u16, low: u16| {
        is_public(IpAddr::V4(Ipv4Addr::from(
            (u32::from(high) << 16) | u32::from(low),
        )))
    };
    match s {
        // Unspecified, loopback and the IPv4-compatible addresses.
        [0, 0, 0, 0, 0, 0, _, _] => false,
        // NAT64 carries an IPv4 address in its last 32 bits; 6to4 in bits 16 to 48.
        [0x64, 0xff9b, 0, 0, 0, 0, high, low] => embedded(high, low),
        [0x2002, high, low, ..] => embedded(high, low),
        // Discard-only, Teredo, documentation.
        [0x100, 0, 0, 0, ..] | [0x2001, 0, ..] | [0x2001, 0xdb8, ..] => false,
        [first, ..] => {
            let unique_local = first & 0xfe00 == 0xfc00;
            let link_local = first & 0xffc0 == 0xfe80;
            let multicast = first & 0xff00 == 0xff00;
            !(unique_local || link_local || multicast)
        }
    }
}

/// The HTTP client as `clone` uses it: `https` only, and every connection's peer checked to
/// be a public address before a request is sent on it.
#[cfg(feature = "https")]
pub fn guarded(builder: reqwest::blocking::ClientBuilder) -> reqwest::blocking::ClientBuilder {
    builder.https_only(true).connector_layer(peers::PublicPeers)
}

/// A connector layer that drops a connection whose peer is not public.
#[cfg(feature = "https")]
mod peers {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use hyper_util::client::legacy::connect::{Connection, HttpInfo};

    type BoxError = Box<dyn std::error::Error + Send + Sync>;

    #[derive(Debug, Clone, Copy)]
    pub struct PublicPeers;

    impl<S> tower_layer::Layer<S> for PublicPeers {
        type Service = PublicPeer<S>;
        fn layer(&self, inner: S) -> PublicPeer<S> {
            PublicPeer(inner)
        }
    }

    /// The connector it wraps, whose connections are checked once open.
    #[derive(Debug, Clone)]
    pub struct PublicPeer<S>(S);

    impl<S, Request> tower_service::Service<Request> for PublicPeer<S>
    where
        S: tower_service::Service<Request, Error = BoxError>,
        S::Response: Connection + Send + 'static,
        S::Future: Send + 'static,
    {
        type Response = S::Response;
        type Error = BoxError;
        type Future = Pin<Box<dyn Future<Output = Result<S::Response, BoxError>> + Send>>;

        fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
            self.0.poll_ready(cx)
        }

        fn call(&mut self, request: Request) -> Self::Future {
            let connecting = self.0.call(request);
            Box::pin(async move {
                let connection = connecting.await?;
                let mut extras = http::Extensions::new();
                connection.connected().get_extras(&mut extras);
                // The library has no language: both, French first, like gitoxide's errors relayed.
                match extras.get::<HttpInfo>().map(|info| info.remote_addr().ip()) {
                    Some(ip) if super::is_public(ip) => Ok(connection),
                    Some(ip) => Err(format!(
                        "connexion refusée, {ip} n'est pas une adresse publique (connection refused, {ip} is not a public address)"
                    )
                    .into()),
                    None => Err("connexion refusée : adresse du pair inconnue (connection refused: peer address unknown)".into()),
                }
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_pass() {
        for public in [
            "140.82.121.3",
            "185.199.108.153",
            "8.8.8.8",
            "2606:50c0:8000::153",
            "::ffff:140.82.121.3",
            "2002:8c52:7903::1",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
        for private in [
            "127.0.0.1",
            "127.255.0.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "198.18.0.1",
            "::1",
            "::",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "2001:0:4136:e378::1",
            "::127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
    }

    #[test]
    fn only_https_urls_of_public_hosts_are_fetched() {
        let refused = |url: &str| check(url, LocalFiles::Refused).unwrap_err();
        assert_eq!(
            refused("http://github.com/a/b"),
            Refusal::NotHttps {
                scheme: "http".into()
            }
        );
        assert_eq!(
            refused("file:///tmp/a"),
            Refusal::NotHttps {
                scheme: "file".into()
            }
        );
        assert!(check("file:///tmp/a", LocalFiles::Allowed).is_ok());
        // Checked once resolved: a name that resolves to loopback is refused like the address.
        assert!(matches!(
            refused("https://localhost/a/b"),
            Refusal::NotPublic { host, address } if host == "localhost" && address.is_loopback()
        ));
        for url in [
            "https://127.0.0.1/a/b",
            "https://user:tok@10.0.0.7:8443/a/b",
            "https://[::1]/a/b",
            "https://169.254.169.254/latest/meta-data",
            "https://0x7f000001/a/b",
            "https://2130706433/a/b",
        ] {
            assert!(matches!(refused(url), Refusal::NotPublic { .. }), "{url}");
        }
    }

    /// The client refuses a connection to a loopback peer before it sends any byte of a request.
    #[cfg(feature = "https")]
    #[test]
    fn the_client_drops_a_connection_to_a_private_peer() {
        use std::io::Read as _;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut received = Vec::new();
            let _ = stream.read_to_end(&mut received);
            received
        });
        // Plain http here, to reach the listener without TLS: the peer check alone is tested.
        let client = reqwest::blocking::ClientBuilder::new()
            .connector_layer(peers::PublicPeers)
            .build()
            .unwrap();
        let error = client
            .get(format!("http://127.0.0.1:{port}/info/refs"))
            .send()
            .unwrap_err();
        let chain = std::iter::successors(Some(&error as &dyn std::error::Error), |e| e.source())
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" / ");
        assert!(
            chain.contains("127.0.0.1 is not a public address"),
            "{chain}"
        );
        assert!(server.join().unwrap().is_empty(), "no request was sent");
        // And `guarded` refuses plain http before connecting.
        let guarded_client = guarded(reqwest::blocking::ClientBuilder::new())
            .build()
            .unwrap();
        let error = guarded_client
            .get(format!("http://127.0.0.1:{port}/"))
            .send()
            .unwrap_err();
        assert!(error.is_builder(), "{error}");
    }
}
