import Diagnostics
import Testing
@testable import Bibliography

@Suite struct AuthorYearStyleTests {
    static let allKeys = [
        "rumelhart1986", "rumelhart1986pdp", "nielsen2015", "kingma2015", "glorot2010", "cs231n-backprop", "mazur2015",
    ]

    func style(citing keys: [String] = allKeys, givenNames: GivenNameForm = .full) throws -> AuthorYearStyle {
        AuthorYearStyle(database: try Fixtures.database("neural-networks.bib"), citedKeys: keys, givenNames: givenNames)
    }

    func formatted(_ text: String, _ style: AuthorYearStyle) -> String {
        markdown(style.format(citation(text)))
    }

    @Test func inTextFormsByNumberOfAuthors() throws {
        let style = try style()
        #expect(formatted("[@nielsen2015]", style) == "(Nielsen 2015)")
        #expect(formatted("[@kingma2015]", style) == "(Kingma and Ba 2015)")
        #expect(formatted("[@rumelhart1986]", style) == "(Rumelhart et al. 1986b)")
        #expect(formatted("@nielsen2015", style) == "Nielsen (2015)")
        #expect(formatted("@kingma2015", style) == "Kingma and Ba (2015)")
        #expect(formatted("@rumelhart1986pdp", style) == "Rumelhart et al. (1986a)")
    }

    @Test func prefixesLocatorsSuppressedAuthorsAndGroups() throws {
        let style = try style()
        #expect(formatted("[see @nielsen2015, chap. 2]", style) == "(see Nielsen 2015, chap. 2)")
        #expect(formatted("@nielsen2015 [p. 33]", style) == "Nielsen (2015, p. 33)")
        #expect(formatted("[-@nielsen2015]", style) == "(2015)")
        #expect(formatted("[see -@nielsen2015, chap. 1]", style) == "(see 2015, chap. 1)")
        #expect(formatted("[@glorot2010; @kingma2015]", style) == "(Glorot and Bengio 2010; Kingma and Ba 2015)")
        #expect(formatted("[see @rumelhart1986, pp. 533--536; also @mazur2015]", style)
            == "(see Rumelhart et al. 1986b, pp. 533--536; also Mazur 2015)")
        #expect(style.format(citation("[@kingma2015, sec. 2]")) == [.text("(Kingma and Ba 2015, sec. 2)")])
    }

    @Test func anEntryWithoutAYearIsNoDate() throws {
        let style = try style()
        #expect(formatted("[@cs231n-backprop]", style) == "(Stanford CS231n, n.d.)")
        #expect(formatted("@cs231n-backprop", style) == "Stanford CS231n (n.d.)")
        #expect(formatted("[@cs231n-backprop, sec. 3]", style) == "(Stanford CS231n, n.d., sec. 3)")
        #expect(formatted("[-@cs231n-backprop]", style) == "(n.d.)")
    }

    @Test func unknownKeysAreShownWithAQuestionMark() throws {
        let style = try style()
        #expect(formatted("[@kingma2014; @nielsen2015]", style) == "(kingma2014?; Nielsen 2015)")
        #expect(formatted("@kingma2014 [p. 2]", style) == "kingma2014?, p. 2")
        #expect(!style.referenceList.map(\.key).contains("kingma2014"))
    }

    /// Letters depend on the keys cited: the two Rumelhart et al. papers of 1986 are "a"
    /// and "b" (by title, the order of the list) only when both are cited.
    @Test func sameAuthorsAndYearGetLettersInListOrder() throws {
        #expect(formatted("[@rumelhart1986]", try style(citing: ["rumelhart1986"])) == "(Rumelhart et al. 1986)")
        #expect(formatted("[@rumelhart1986]", try style(citing: ["rumelhart1986", "rumelhart1986pdp"])) == "(Rumelhart et al. 1986b)")
        #expect(formatted("[@rumelhart1986pdp; @rumelhart1986]", try style(citing: ["rumelhart1986", "rumelhart1986pdp"]))
            == "(Rumelhart et al. 1986a; Rumelhart et al. 1986b)")
        // A key formatted but not given to the style has no letter.
        #expect(formatted("[@rumelhart1986pdp]", try style(citing: ["nielsen2015"])) == "(Rumelhart et al. 1986)")
        #expect(AuthorYearStyle.letters(0) == "a")
        #expect(AuthorYearStyle.letters(25) == "z")
        #expect(AuthorYearStyle.letters(26) == "aa")
        #expect(AuthorYearStyle.letters(27) == "ab")
        #expect(AuthorYearStyle.letters(701) == "zz")
        #expect(AuthorYearStyle.letters(702) == "aaa")
    }

    @Test func theReferenceListOfTheNeuralNetworkSources() throws {
        let style = try style(citing: Self.allKeys + ["nielsen2015", "no-such-key"])
        #expect(style.referenceList.map(\.key) == [
            "glorot2010", "kingma2015", "mazur2015", "nielsen2015", "rumelhart1986pdp", "rumelhart1986", "cs231n-backprop",
        ])
        #expect(style.referenceList.map { markdown($0.content) } == [
            "Glorot, Xavier, and Yoshua Bengio. 2010. “Understanding the difficulty of training deep feedforward neural networks.”"
                + " In *Proceedings of the Thirteenth International Conference on Artificial Intelligence and Statistics*,"
                + " edited by Yee Whye Teh and Mike Titterington, 249–256. Proceedings of Machine Learning Research 9. PMLR."
                + " <https://proceedings.mlr.press/v9/glorot10a.html>.",
            "Kingma, Diederik P., and Jimmy Ba. 2015. “Adam: A Method for Stochastic Optimization.”"
                + " In *3rd International Conference on Learning Representations, ICLR 2015*, edited by Yoshua Bengio and Yann LeCun."
                + " <https://arxiv.org/abs/1412.6980>.",
            "Mazur, Matt. 2015. “A Step by Step Backpropagation Example.” Blog post."
                + " <https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/>.",
            "Nielsen, Michael A. 2015. *Neural Networks and Deep Learning*. Determination Press. <http://neuralnetworksanddeeplearning.com/>.",
            "Rumelhart, David E., Geoffrey E. Hinton, and Ronald J. Williams. 1986a. “Learning internal representations by error propagation.”"
                + " In *Parallel Distributed Processing: Explorations in the Microstructure of Cognition, Volume 1: Foundations*,"
                + " edited by David E. Rumelhart, James L. McClelland, and PDP Research Group, 318–362. Cambridge, MA: MIT Press.",
            "Rumelhart, David E., Geoffrey E. Hinton, and Ronald J. Williams. 1986b. “Learning representations by back-propagating errors.”"
                + " *Nature* 323 (6088): 533–536. <https://doi.org/10.1038/323533a0>.",
            "Stanford CS231n. n.d. “Backpropagation, Intuitions.” Course notes, CS231n: Deep Learning for Computer Vision."
                + " Stanford University. <https://cs231n.github.io/optimization-2/>.",
        ])
    }

    /// The pieces themselves: plain text, emphasis and a link, never markup in a string.
    @Test func aReferenceIsStructuredPieces() throws {
        let style = try style(citing: ["rumelhart1986"])
        #expect(style.referenceList == [ReferenceListEntry(key: "rumelhart1986", content: [
            .text("Rumelhart, David E., Geoffrey E. Hinton, and Ronald J. Williams. 1986. “Learning representations by back-propagating errors.” "),
            .emphasis([.text("Nature")]),
            .text(" 323 (6088): 533–536. "),
            .link(url: "https://doi.org/10.1038/323533a0", content: [.text("https://doi.org/10.1038/323533a0")]),
            .text("."),
        ])])
    }

    @Test func givenNamesAsInitials() throws {
        let style = try style(citing: ["rumelhart1986", "glorot2010"], givenNames: .initials)
        #expect(markdown(style.referenceList[1].content).hasPrefix(
            "Rumelhart, D. E., G. E. Hinton, and R. J. Williams. 1986. “Learning"))
        #expect(markdown(style.referenceList[0].content).contains("edited by Y. W. Teh and M. Titterington, 249–256."))
    }

    @Test func theTrickyFileFormatsWhatItCouldRead() throws {
        let database = try Fixtures.database("tricky.bib")
        let keys = ["schmidhuber2015", "lecun1998", "vandermaaten2008", "hinton2006", "linnainmaa1970", "mit-lecture", "broken2021"]
        let style = AuthorYearStyle(database: database, citedKeys: keys)
        #expect(formatted("[@lecun1998]", style) == "(LeCun et al. 1998)")
        #expect(formatted("@vandermaaten2008", style) == "van der Maaten and Hinton (2008)")
        #expect(formatted("[@mit-lecture]", style) == "(MIT Press 2001)")
        #expect(formatted("[@broken2021]", style) == "(broken2021, n.d.)")
        #expect(style.referenceList.map { markdown($0.content) } == [
            "broken2021. n.d.",
            "Hinton, Geoffrey E., Simon Osindero, and Yee-Whye Teh. 2006. “A Fast Learning Algorithm for Deep Belief Nets.”"
                + " *Neural Computation* 18 (7): 1527–1554.",
            "LeCun, Yann, Léon Bottou, Yoshua Bengio, and Patrick Haffner. 1998. “Gradient-based learning applied to document recognition.”"
                + " *Proceedings of the IEEE* 86 (11): 2278–2324. <https://doi.org/10.1109/5.726791>.",
            "Linnainmaa, Seppo. 1970. “Algoritmin kumulatiivinen pyöristysvirhe yksittäisten pyöristysvirheiden Taylor-kehitelmänä.”"
                + " Master’s thesis, University of Helsinki. In Finnish — reverse-mode differentiation, $\\partial y / \\partial x$ by machine.",
            "MIT Press. 2001. *Lecture Notes*. (draft).",
            "Schmidhuber, Jürgen. 2015. “Deep learning in neural networks: An overview.” *Neural Networks* 61: 85–117."
                + " <https://doi.org/10.1016/j.neunet.2014.09.003>.",
            "van der Maaten, Laurens, and Geoffrey Hinton. 2008. “Visualizing Data using t-SNE.”"
                + " *Journal of Machine Learning Research* 9 (86): 2579–2605. <https://www.jmlr.org/papers/v9/vandermaaten08a.html>.",
        ])
    }

    @Test func entriesWithoutAuthors() {
        let database = BibTeXDatabase.parse("""
            @book{pdp, editor = {Rumelhart, David E. and McClelland, James L.},
              title = {Parallel Distributed Processing}, publisher = {MIT Press}, year = 1986}
            @misc{anonymous, title = {An Anonymous Note}, year = 1999}
            @book{untitled-press, title = {\\emph{Deep} Learning Handbook}, year = 2000}
            @manual{torch, title = {PyTorch Documentation}, organization = {PyTorch Foundation}, year = 2024,
              url = {https://pytorch.org/docs/}}
            @techreport{report, title = {Backprop}, institution = {Stanford University}, number = {42}, year = 1990}
            """, path: "t.bib")
        #expect(database.diagnostics.isEmpty)
        let style = AuthorYearStyle(database: database, citedKeys: database.entries.map(\.key))
        #expect(formatted("[@pdp]", style) == "(Rumelhart and McClelland 1986)")
        #expect(formatted("[@anonymous]", style) == "(“An Anonymous Note” 1999)")
        #expect(formatted("@untitled-press", style) == "**Deep* Learning Handbook* (2000)")
        #expect(style.format(citation("[@untitled-press]")) == [
            .text("("), .emphasis([.emphasis([.text("Deep")]), .text(" Learning Handbook")]), .text(" 2000)"),
        ])
        #expect(formatted("[@torch]", style) == "(PyTorch Foundation 2024)")
        #expect(formatted("[@report]", style) == "(Stanford University 1990)")
        #expect(style.referenceList.map { markdown($0.content) } == [
            "“An Anonymous Note.” 1999.",
            "**Deep* Learning Handbook*. 2000.",
            "PyTorch Foundation. 2024. *PyTorch Documentation*. <https://pytorch.org/docs/>.",
            "Rumelhart, David E., and James L. McClelland, eds. 1986. *Parallel Distributed Processing*. MIT Press.",
            "Stanford University. 1990. *Backprop*. Technical Report 42.",
        ])
    }

    @Test func containersByEntryType() {
        let database = BibTeXDatabase.parse("""
            @phdthesis{phd, author = {Werbos, Paul J.}, title = {Beyond Regression}, school = {Harvard University}, year = 1974}
            @book{second, author = {Bishop, Christopher M.}, title = {Neural Networks for Pattern Recognition},
              edition = 2, publisher = {Oxford University Press}, address = {Oxford}, year = 1995, editor = {Doe, Jane}}
            @article{nopages, author = {Doe, Jane}, title = {Why?}, journal = {Letters}, number = 4, year = 2001}
            @misc{inbook, author = {Roe, Richard}, title = {A Chapter}, booktitle = {A Book}, pages = {1-10}, year = 2002}
            """, path: "t.bib")
        let style = AuthorYearStyle(database: database, citedKeys: database.entries.map(\.key))
        #expect(style.referenceList.map { markdown($0.content) } == [
            "Bishop, Christopher M. 1995. *Neural Networks for Pattern Recognition*. Edited by Jane Doe. 2nd ed. Oxford: Oxford University Press.",
            "Doe, Jane. 2001. “Why?” *Letters*, no. 4.",
            "Roe, Richard. 2002. “A Chapter.” In *A Book*, 1–10.",
            "Werbos, Paul J. 1974. “Beyond Regression.” PhD diss., Harvard University.",
        ])
        #expect(ReferenceFormatter.edition("3") == "3rd ed.")
        #expect(ReferenceFormatter.edition("11") == "11th ed.")
        #expect(ReferenceFormatter.edition("Second") == "Second ed.")
    }

    @Test func sortingFoldsAccentsAndPutsUndatedLast() {
        let database = BibTeXDatabase.parse("""
            @misc{zeta, author = {Zeta, Zoe}, title = {Z}, year = 2000}
            @misc{erdos, author = {Erd{\\H{o}}s, Paul}, title = {E}, year = 1950}
            @misc{eve, author = {Eve, Adam}, title = {V}, year = 1990}
            @misc{mazur-undated, author = {Mazur, Matt}, title = {Notes}}
            @misc{mazur2015, author = {Mazur, Matt}, title = {Example}, year = 2015}
            """, path: "t.bib")
        let style = AuthorYearStyle(database: database, citedKeys: database.entries.map(\.key).reversed())
        #expect(style.referenceList.map(\.key) == ["erdos", "eve", "mazur2015", "mazur-undated", "zeta"])
    }

    @Test func onlySafeAddressesBecomeLinks() {
        let database = BibTeXDatabase.parse("""
            @misc{js, author = {A, B}, title = {T}, year = 1, url = {javascript:alert(1)}}
            @misc{doi, author = {C, D}, title = {T}, year = 1, doi = {10.1000/x<y>}, url = {https://ignored.org/}}
            @misc{escaped, author = {E, F}, title = {T}, year = 1, url = {https://x.org/a\\_b}}
            """, path: "t.bib")
        let style = AuthorYearStyle(database: database, citedKeys: ["js", "doi", "escaped"])
        #expect(style.referenceList.map { markdown($0.content) } == [
            "A, B. 1. “T.”",
            "C, D. 1. “T.” <https://doi.org/10.1000/x%3Cy%3E>.",
            "E, F. 1. “T.” <https://x.org/a_b>.",
        ])
    }
}
