import Testing
@testable import Bibliography

@Suite struct NameListTests {
    func only(_ value: String) -> PersonName? {
        let list = NameList(bibTeX: value)
        return list.names.count == 1 && !list.hasOthers ? list.names[0] : nil
    }

    @Test func theThreeFormsOfAName() {
        #expect(only("Rumelhart, David E.") == PersonName(given: "David E.", family: "Rumelhart"))
        #expect(only("David E. Rumelhart") == PersonName(given: "David E.", family: "Rumelhart"))
        #expect(only("King, Jr, Martin Luther") == PersonName(given: "Martin Luther", family: "King", suffix: "Jr"))
        #expect(only("Aristotle") == PersonName(family: "Aristotle"))
        #expect(only("  Hinton ,  Geoffrey E.  ") == PersonName(given: "Geoffrey E.", family: "Hinton"))
    }

    @Test func particlesAreTheLowercaseWords() {
        #expect(only("Ludwig van Beethoven") == PersonName(given: "Ludwig", particle: "van", family: "Beethoven"))
        #expect(only("van der Maaten, Laurens") == PersonName(given: "Laurens", particle: "van der", family: "Maaten"))
        #expect(only("Jean de La Fontaine") == PersonName(given: "Jean", particle: "de", family: "La Fontaine"))
        #expect(only("de la Vall{\\'e}e Poussin, Charles Louis Xavier Joseph")
            == PersonName(given: "Charles Louis Xavier Joseph", particle: "de la", family: "Vallée Poussin"))
        #expect(only("Charles-Jean {\\'E}tienne Gustave Nicolas de la Vall{\\'e}e Poussin")
            == PersonName(given: "Charles-Jean Étienne Gustave Nicolas", particle: "de la", family: "Vallée Poussin"))
        #expect(only("Gerard 't Hooft") == PersonName(given: "Gerard", particle: "’t", family: "Hooft"))
        // Braces take a word out of the particle; an accented lowercase letter is lowercase.
        #expect(only("Charles {de} Gaulle") == PersonName(given: "Charles de", family: "Gaulle"))
        #expect(only("Jan {\\v{s}}ablon Novak") == PersonName(given: "Jan", particle: "šablon", family: "Novak"))
        // The last word is always the family name, even in lowercase.
        #expect(only("bell hooks") == PersonName(particle: "bell", family: "hooks"))
    }

    @Test func namesAreSeparatedByAndOutsideBraces() {
        let list = NameList(bibTeX: "{Barnes and Noble, Inc.} AND Smith, John and\n  D.~E. Knuth")
        #expect(list.names == [
            PersonName(family: "Barnes and Noble, Inc."),
            PersonName(given: "John", family: "Smith"),
            PersonName(given: "D. E.", family: "Knuth"),
        ])
        #expect(!list.hasOthers)
        #expect(NameList(bibTeX: "Andersen, Anders").names.map(\.family) == ["Andersen"], "'and' inside a word is not a separator")
    }

    @Test func andOthersMeansEtAl() {
        let list = NameList(bibTeX: "Kingma, Diederik P. and Ba, Jimmy and others")
        #expect(list.names.map(\.family) == ["Kingma", "Ba"])
        #expect(list.hasOthers)
        #expect(NameList(bibTeX: "").isEmpty)
        #expect(NameList(bibTeX: " and  and ").isEmpty)
    }

    @Test func accentsInNamesAreConverted() {
        #expect(only("J{\\\"u}rgen Schmidhuber") == PersonName(given: "Jürgen", family: "Schmidhuber"))
        #expect(only("Bottou, L{\\'e}on") == PersonName(given: "Léon", family: "Bottou"))
        #expect(only("Erd\\H{o}s, Paul") == PersonName(given: "Paul", family: "Erdős"))
    }

    @Test func initialsOfGivenNames() {
        #expect(PersonName(given: "David E.", family: "Rumelhart").initials == "D. E.")
        #expect(PersonName(given: "Jean-Paul", family: "Sartre").initials == "J.-P.")
        #expect(PersonName(given: "Émile", family: "Zola").initials == "É.")
        #expect(PersonName(given: "Yee Whye", family: "Teh").initials == "Y. W.")
        #expect(PersonName(given: "D.\u{00A0}E.", family: "Knuth").initials == "D. E.")
        #expect(PersonName(family: "Aristotle").initials == "")
    }

    @Test func displayedAndInvertedForms() {
        let king = PersonName(given: "Martin Luther", family: "King", suffix: "Jr.")
        #expect(king.displayed(givenNames: .full) == "Martin Luther King Jr.")
        #expect(king.inverted(givenNames: .full) == "King, Martin Luther, Jr.")
        let maaten = PersonName(given: "Laurens", particle: "van der", family: "Maaten")
        #expect(maaten.citedName == "van der Maaten")
        #expect(maaten.inverted(givenNames: .initials) == "van der Maaten, L.")
        #expect(PersonName(family: "Stanford CS231n").inverted(givenNames: .full) == "Stanford CS231n")
    }
}
