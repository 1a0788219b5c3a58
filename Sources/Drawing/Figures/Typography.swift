/// Typographic touches for text that is drawn, not recorded.
enum Typography {
    /// A number's hyphen-minus as a true minus sign (U+2212), which lines up with `+`.
    static func display(_ number: String) -> String {
        guard number.contains("-") else { return number }
        // Only a minus that starts the number or its exponent, never one inside a word.
        var out = ""
        var previous: Character? = nil
        for character in number {
            if character == "-", previous == nil || previous == "e" || previous == " " || previous == "(" || previous == "[" || previous == "," {
                out.append("\u{2212}")
            } else {
                out.append(character)
            }
            previous = character
        }
        return out
    }
}
