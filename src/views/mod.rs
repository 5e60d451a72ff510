//! What the page shows once its export is known: the whole dashboard, or one chart alone for
//! embedding (`?chart=`, or taking over from the light embed page).

pub mod dashboard;
pub mod embed_page;
