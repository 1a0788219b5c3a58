/// One person's (or one organisation's) name, in BibTeX's four parts, as Unicode text.
///
/// BibTeX calls the parts First, von, Last and Jr: "Ludwig van Beethoven" is given "Ludwig",
/// particle "van", family "Beethoven"; "King, Jr, Martin Luther" has the suffix "Jr". An
/// organisation written in braces (`{Barnes and Noble, Inc.}`) is all family name.
public struct PersonName: Sendable, Hashable {
    /// First names ("David E.", "Jean-Paul"); may be empty.
    public var given: String
    /// The lowercase words before the family name ("van der", "de la"); may be empty.
    public var particle: String
    /// The family name, never empty for a parsed name.
    public var family: String
    /// "Jr", "III"; may be empty.
    public var suffix: String

    public init(given: String = "", particle: String = "", family: String, suffix: String = "") {
        self.given = given
        self.particle = particle
        self.family = family
        self.suffix = suffix
    }

    /// The name as cited in running text: particle and family name ("van der Maaten").
    public var citedName: String {
        particle.isEmpty ? family : particle + " " + family
    }

    /// The initials of the given names: "David E." gives "D. E.", "Jean-Paul" gives "J.-P.".
    /// A word without letters is left out.
    public var initials: String {
        var words: [String] = []
        for word in given.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }) {
            var parts: [String] = []
            for part in word.split(separator: "-", omittingEmptySubsequences: true) {
                if let letter = part.first(where: { $0.isLetter }) { parts.append(String(letter) + ".") }
            }
            if !parts.isEmpty { words.append(parts.joined(separator: "-")) }
        }
        return words.joined(separator: " ")
    }

    /// "Given particle Family Suffix": how a name reads after the first in a reference list
    /// ("Geoffrey E. Hinton"), with the given names as written or as initials.
    public func displayed(givenNames: GivenNameForm) -> String {
        let first = givenNames == .initials ? initials : given
        return [first, particle, family, suffix].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "particle Family, Given, Suffix": how the first name of a reference list entry reads,
    /// so that the list is read by family name ("Rumelhart, David E.").
    public func inverted(givenNames: GivenNameForm) -> String {
        let first = givenNames == .initials ? initials : given
        return [citedName, first, suffix].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
