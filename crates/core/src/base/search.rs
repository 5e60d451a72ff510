//! Search keys for names typed by people: case, accents and typographic apostrophes ignored.

/// `"Ministère de l’Intérieur"` → `"ministere de l'interieur"`. Covers the Latin letters of
/// French names (the exporter folds source names more thoroughly, with Unicode decomposition).
pub fn search_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ÿ' => 'y',
            '’' | '‘' | 'ʼ' => '\'',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::search_key;

    #[test]
    fn accents_case_and_apostrophes_do_not_matter() {
        assert_eq!(
            search_key("Ministère de l’Intérieur"),
            "ministere de l'interieur"
        );
        assert_eq!(search_key("ÉDUCATION"), "education");
        assert_eq!(search_key("Lívia"), "livia");
        assert!(
            search_key("Direction générale de la Gendarmerie nationale (DGGN)").contains("dggn")
        );
    }
}
