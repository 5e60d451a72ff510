//! What an embedded chart and the page around its frame agree on: the key of the height message
//! (`{"eig-pulse-height": {"<chart>": px}}`) a frame posts, the tallest height a host accepts, and
//! the key of the theme message (`{"eig-pulse-theme": "light" | "dark"}`) the host's `embed.js`
//! posts to its frames. The dashboard uses them; `eig-pulse embeds --scripts` writes the same
//! values into `embed.js` and `embed-page.js`, so that this file is their one source.

/// The key of the message a frame posts with its height, by chart.
pub const HEIGHT_MESSAGE: &str = "eig-pulse-height";

/// The tallest height, in CSS pixels, a host page takes from a frame's message.
pub const HEIGHT_LIMIT: u32 = 20_000;

/// The key of the message the host's `embed.js` posts to its frames with the host's theme.
pub const THEME_MESSAGE: &str = "eig-pulse-theme";
