//! What an embedded chart and the page around its frame agree on: the key of the height message
//! (`{"eig-pulse-height": {"<chart>": px}}`) and the tallest height a host accepts. The dashboard
//! posts it; `eig-pulse embeds --scripts` writes the same values into `embed.js` and
//! `embed-page.js`, so that this file is their one source.

/// The key of the message a frame posts with its height, by chart.
pub const HEIGHT_MESSAGE: &str = "eig-pulse-height";

/// The tallest height, in CSS pixels, a host page takes from a frame's message.
pub const HEIGHT_LIMIT: u32 = 20_000;
