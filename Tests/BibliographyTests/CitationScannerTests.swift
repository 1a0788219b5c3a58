import Testing
@testable import Bibliography

@Suite struct CitationScannerTests {
    @Test func aBracketedCitation() {
        #expect(CitationScanner.scan("As shown [@rumelhart1986].") == [
            .citation(Citation(range: 9..<25, items: [Citation.Item(key: "rumelhart1986", keyRange: 11..<24)])),
        ])
    }

    @Test func prefixesLocatorsAndSeveralSources() {
        let found = citation("[see @nielsen2015, pp. 33-35; also @kingma2015, chap. 1]")
        #expect(found.range == 0..<56)
        #expect(found.items == [
            Citation.Item(key: "nielsen2015", keyRange: 6..<17, prefix: "see", locator: "pp. 33-35"),
            Citation.Item(key: "kingma2015", keyRange: 36..<46, prefix: "also", locator: "chap. 1"),
        ])
        #expect(!found.isInText)
        #expect(found.keys == ["nielsen2015", "kingma2015"])
        #expect(citation("[@key, p. 33]").items.map(\.locator) == ["p. 33"])
        #expect(citation("[@key p. 33]").items.map(\.locator) == ["p. 33"])
    }

    @Test func suppressedAuthor() {
        #expect(citation("[-@nielsen2015]").items == [Citation.Item(key: "nielsen2015", keyRange: 3..<14, mode: .suppressAuthor)])
        #expect(citation("[see -@key, p. 3]").items == [
            Citation.Item(key: "key", keyRange: 7..<10, prefix: "see", locator: "p. 3", mode: .suppressAuthor),
        ])
        #expect(citation("Nielsen says -@nielsen2015 that").items.map(\.mode) == [.suppressAuthor])
        #expect(citation("Nielsen says -@nielsen2015 that").range == 13..<26)
    }

    @Test func bareCitationsNameTheAuthorInTheText() {
        let found = citation("As @nielsen2015 shows.")
        #expect(found == Citation(range: 3..<15, items: [Citation.Item(key: "nielsen2015", keyRange: 4..<15, mode: .authorInText)]))
        #expect(found.isInText)
        let located = citation("@nielsen2015 [chap. 2] says")
        #expect(located.range == 0..<22)
        #expect(located.items.map(\.locator) == ["chap. 2"])
        #expect(citation("@key\n[p. 3]").items.map(\.locator) == ["p. 3"])
    }

    @Test func aBracketAfterABareKeyIsNotAlwaysItsLocator() {
        #expect(citations("@key\n\n[p. 3]").map(\.items.first?.locator) == [""])
        #expect(citations("@key [p. 3](https://x.org)").map(\.range) == [0..<4])
        #expect(citations("@key [^note]").map(\.range) == [0..<4])
        #expect(citations("@key [p. 3; p. 4]").map(\.range) == [0..<4])
        let two = citations("@smith [@jones]")
        #expect(two.map(\.keys) == [["smith"], ["jones"]])
        #expect(two.map(\.isInText) == [true, false])
    }

    @Test func keysEndBeforeSentencePunctuation() {
        #expect(citations("see @doe99.").map(\.keys) == [["doe99"]])
        #expect(citations("see @doe99, and").map(\.keys) == [["doe99"]])
        #expect(citations("@Doe:2020.v2-x?").map(\.keys) == [["Doe:2020.v2-x"]])
        #expect(citations("@a--b").map(\.keys) == [["a"]])
        #expect(citations("@_private_key_ here").map(\.keys) == [["_private_key_"]])
        #expect(citations("@http://x.org/y.").map(\.keys) == [["http://x.org/y"]])
        #expect(citations("@müller2020 schreibt").map(\.keys) == [["müller2020"]])
        #expect(citations("@-x @. @ alone").isEmpty)
    }

    @Test func bracedKeysHoldAnythingButBraces() {
        let found = citation("[@{a key; with [brackets]}, p. 4]")
        #expect(found.items == [Citation.Item(key: "a key; with [brackets]", keyRange: 3..<25, locator: "p. 4")])
        #expect(citations("@{https://example.com/bib?name=foobar&date=2000} says").map(\.keys)
            == [["https://example.com/bib?name=foobar&date=2000"]])
        #expect(citations("@{} and @{a{b}").isEmpty)
    }

    @Test func addressesAndWordsAreNotCitations() {
        #expect(citations("write to someone@example.com or x.@y").isEmpty)
        #expect(citations("(@key)").map(\.keys) == [["key"]])
    }

    @Test func bracketsWithoutAKeyInEveryPartAreText() {
        #expect(citations("[not a citation] and [@a]").map(\.range) == [21..<25])
        #expect(citations("[see the notes [@a]]").map(\.range) == [15..<19])
        // The bracket is not a citation, but the bare key inside it is one.
        #expect(citations("[@a; see]").map { $0.items.map(\.mode) } == [[.authorInText]])
        #expect(citations("[^1]: a footnote").isEmpty)
        #expect(citations("[unclosed @a").map(\.keys) == [["a"]])
    }

    @Test func crossReferencesAreASeparateKind() {
        let found = CitationScanner.scan("See @fig-loss, [@tbl-results; -@eq-chain] and @Sec-intro, not @figure2.")
        #expect(found.count == 4)
        guard case .crossReference(let figure) = found[0], case .crossReference(let table) = found[1],
            case .crossReference(let section) = found[2], case .citation(let figureCitation) = found[3]
        else {
            Issue.record("unexpected kinds: \(found)")
            return
        }
        #expect(figure.keys == ["fig-loss"])
        #expect(figure.range == 4..<13)
        #expect(table.keys == ["tbl-results", "eq-chain"])
        #expect(table.items.map(\.mode) == [.normal, .suppressAuthor])
        #expect(section.keys == ["Sec-intro"])
        #expect(figureCitation.keys == ["figure2"])
        #expect(found[1].range == table.range)
        // A bracket that mixes them is a citation (its cross-reference is an unknown key).
        #expect(CitationScanner.scan("[@fig-a; @knuth]").map { if case .citation = $0 { true } else { false } } == [true])
        #expect(CitationScanner.isCrossReference("eq-chain"))
        #expect(!CitationScanner.isCrossReference("equation"))
    }

    @Test func rangesCountUnicodeScalars() {
        let text = "Über ∂L/∂w 🧠 siehe @müller2020 — und [@a]"
        let found = citations(text)
        let scalars = Array(text.unicodeScalars)
        #expect(found.count == 2)
        #expect(String(String.UnicodeScalarView(scalars[found[0].range])) == "@müller2020")
        #expect(String(String.UnicodeScalarView(scalars[found[1].range])) == "[@a]")
        #expect(String(String.UnicodeScalarView(scalars[found[1].items[0].keyRange])) == "a")
    }

    @Test func manyUnmatchedBracketsCostLinearTime() {
        let text = String(repeating: "[x ", count: 50_000) + "@a"
        #expect(citations(text).map(\.keys) == [["a"]])
        let nested = String(repeating: "[see [", count: 20_000) + "@a" + String(repeating: "]", count: 40_000)
        #expect(citations(nested).count == 1)
    }
}
