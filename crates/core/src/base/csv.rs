//! CSV cells as every download of the project writes them (RFC 4180, formulas defused).

/// A CSV field, quoted when it holds a comma, a quote or a line break. A text a spreadsheet would
/// read as a formula (first character `=`, `+`, `-`, `@`, tab or carriage return) gets a leading
/// `'` and quotes, as OWASP's « CSV injection » page advises.
pub fn field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("\"'{}\"", text.replace('"', "\"\""))
    } else if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A number as a CSV cell: an integer without a fraction, else at most four decimals, dot-separated.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value:.4}").trim_end_matches('0').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_separators_quoted() {
        assert_eq!(field("=1+1"), "\"'=1+1\"");
        assert_eq!(field("-2"), "\"'-2\"");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
        assert_eq!(number(3.0), "3");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(1.0 / 3.0), "0.3333");
    }
}
