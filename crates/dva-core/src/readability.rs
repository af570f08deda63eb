//! A simple Flesch-Kincaid grade, so that client wording can be held to grade 6 or below by
//! a native test. The syllable count is a heuristic (vowel groups, a silent final "e", "-ed"
//! after most consonants); it is deliberately simple and slightly pessimistic.

/// The grade limit for client-facing wording.
pub const MAX_CLIENT_GRADE: f64 = 6.0;

/// Counts the syllables of one word (at least one for any word with a letter or digit).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return usize::from(word.chars().any(|c| c.is_ascii_digit()));
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev_vowel = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !prev_vowel {
            count += 1;
        }
        prev_vowel = v;
    }
    let n = w.len();
    let last = w.last().copied();
    let before_last = n.checked_sub(2).and_then(|i| w.get(i)).copied();
    let third_last = n.checked_sub(3).and_then(|i| w.get(i)).copied();
    // Silent final "e" ("shove"), but not "-le" after a consonant ("table").
    if last == Some('e') && count > 1 {
        let le = before_last == Some('l') && third_last.is_some_and(|c| !is_vowel(c));
        if !le {
            count -= 1;
        }
    }
    // "-ed" is silent except after t or d ("pushed" vs "wanted").
    if n > 3
        && last == Some('d')
        && before_last == Some('e')
        && count > 1
        && !matches!(third_last, Some('t') | Some('d'))
    {
        count -= 1;
    }
    // "-es" is silent except after s, x, z, ch, sh, g, c ("makes" vs "boxes").
    if n > 3
        && last == Some('s')
        && before_last == Some('e')
        && count > 1
        && !matches!(third_last, Some('s' | 'x' | 'z' | 'h' | 'g' | 'c'))
    {
        count -= 1;
    }
    count.max(1)
}

/// The Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables per word
/// − 15.59. An empty text has grade 0.
pub fn fk_grade(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let sentences = text
        .split(['.', '?', '!'])
        .filter(|s| s.chars().any(|c| c.is_alphanumeric()))
        .count()
        .max(1);
    let syl: usize = words.iter().map(|w| syllables(w)).sum();
    let wc = words.len() as f64;
    0.39 * (wc / sentences as f64) + 11.8 * (syl as f64 / wc) - 15.59
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_common_words() {
        assert_eq!(syllables("pushed"), 1);
        assert_eq!(syllables("wanted"), 2);
        assert_eq!(syllables("shove"), 1);
        assert_eq!(syllables("partner"), 2);
        assert_eq!(syllables("relationship"), 4);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("a"), 1);
        assert_eq!(syllables("10"), 1);
        assert_eq!(syllables("—"), 0);
    }

    #[test]
    fn short_plain_sentence_is_low_grade() {
        assert!(fk_grade("Have you ever pushed or shoved a partner?") < 3.0);
    }

    #[test]
    fn long_latinate_sentence_is_high_grade() {
        let g = fk_grade("Notwithstanding the aforementioned considerations, the multidisciplinary safeguarding arrangements necessitate comprehensive documentation of intimate relationship difficulties.");
        assert!(g > 12.0, "{g}");
    }

    #[test]
    fn empty_text_is_grade_zero() {
        assert_eq!(fk_grade(""), 0.0);
    }
}
