/// The site's search index, split so that a search loads a bounded part of it however large
/// the site: an inverted index in shards by the first two characters of each word, and the
/// text of each page in a file of its own, loaded only when one of the page's sections is
/// shown as a result. Every file is a script that calls a function of `site.js` (scripts
/// rather than JSON so that search works from `file://`, where a page may not fetch files).
///
/// - `assets/search/keys.js`: `chainruleSearchKeys({"shards": ["6772", ...], "sections": [3, 5, ...]})`,
///   the shards that exist (so that no request is made for one that does not) and how many
///   sections each page has (a word of a page's title matches every section of the page).
/// - `assets/search/s-KEY.js`: `chainruleSearchShard("KEY", [["gradient", [page, section,
///   in heading, in text, ...]], ...])`, four numbers per section the word occurs in; section
///   `-1` is the page's title (the third number then counts the word there). `KEY` is the
///   hexadecimal UTF-8 of the word's first two characters. Pairs rather than an object, whose
///   keys `__proto__` or `constructor` (words a notebook may hold) are not plain keys. A word
///   in more than `commonWordSections` sections keeps only that many, those where it counts
///   most, and a third element, `1`, marks it common: like a stop word, it narrows a query
///   only when it is the query's only word. So a shard grows with the site's vocabulary,
///   not with its size.
/// - `assets/search/p-N.js`: `chainruleSearchPage(N, {"t": title, "u": "xor.html",
///   "s": [["anchor", "heading", "text"], ...]})`.
///
/// Words are what `SearchWords` makes of the text; the script splits a query the same way
/// and matches each of its words as a prefix of the words indexed.
public enum SearchIndex {
    /// One page's entries.
    public struct Page: Sendable {
        public var title: String
        /// The page's path in the site.
        public var path: String
        public var sections: [SearchSection]

        public init(title: String, path: String, sections: [SearchSection]) {
            self.title = title
            self.path = path
            self.sections = sections
        }
    }

    /// How many sections a word may list (see above).
    public static let commonWordSections = 300

    /// The folder of the index's files in the site.
    public static let folder = "assets/search"

    /// The index's files (path in the site, contents), deterministic for the same pages.
    public static func files(_ pages: [Page]) -> [(path: String, text: String)] {
        // word -> postings (page, section, in heading, in text), in page and section order. A
        // section's heading and text come one after the other, so a word in both adds to the
        // posting the heading made.
        var postings: [String: [Int]] = [:]
        func add(_ text: String, page: Int, section: Int, heading: Bool) {
            var counts: [String: Int] = [:]
            for word in SearchWords.split(text) { counts[word, default: 0] += 1 }
            for (word, count) in counts {
                // In place: a copy of a common word's list for each section would be quadratic.
                let end = postings[word]?.count ?? 0
                if end >= 4, postings[word]![end - 4] == page, postings[word]![end - 3] == section {
                    postings[word]![end - (heading ? 2 : 1)] += count
                } else {
                    postings[word, default: []].append(contentsOf: [page, section, heading ? count : 0, heading ? 0 : count])
                }
            }
        }
        for (number, page) in pages.enumerated() {
            add(page.title, page: number, section: -1, heading: true)
            for (index, section) in page.sections.enumerated() {
                add(section.heading, page: number, section: index, heading: true)
                add(section.text, page: number, section: index, heading: false)
            }
        }
        var shards: [String: [(word: String, numbers: [Int], common: Bool)]] = [:]
        for word in postings.keys.sorted() {
            var numbers = postings[word]!
            let common = numbers.count / 4 > commonWordSections
            if common {
                // Where it counts most (in a title or heading ten times, in text once), in order.
                var groups = stride(from: 0, to: numbers.count, by: 4).map { Array(numbers[$0..<$0 + 4]) }
                groups.sort { ($0[2] * 10 + $0[3], $1[0], $1[1]) > ($1[2] * 10 + $1[3], $0[0], $0[1]) }
                numbers = groups.prefix(commonWordSections).sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }.flatMap { $0 }
            }
            shards[SearchWords.shardKey(word), default: []].append((word, numbers, common))
        }
        var files: [(path: String, text: String)] = []
        let keys = shards.keys.sorted()
        files.append((folder + "/keys.js", "chainruleSearchKeys({\"shards\":[" + keys.map { "\"\($0)\"" }.joined(separator: ",")
            + "],\"sections\":[" + pages.map { String($0.sections.count) }.joined(separator: ",") + "]});\n"))
        for key in keys {
            var out = "chainruleSearchShard(\"\(key)\",["
            for (index, entry) in shards[key]!.enumerated() {
                if index > 0 { out += ",\n" }
                out += "[" + json(entry.word) + ",[" + entry.numbers.map(String.init).joined(separator: ",") + "]"
                    + (entry.common ? ",1]" : "]")
            }
            files.append((folder + "/s-\(key).js", out + "]);\n"))
        }
        for (number, page) in pages.enumerated() {
            var out = "chainruleSearchPage(\(number),{\"t\":" + json(page.title) + ",\"u\":" + json(SitePath.url(page.path)) + ",\"s\":[\n"
            out += page.sections.map { "[" + json($0.anchor) + "," + json($0.heading) + "," + json($0.text) + "]" }
                .joined(separator: ",\n")
            files.append((folder + "/p-\(number).js", out + "\n]});\n"))
        }
        return files
    }

    /// A JSON string literal, safe inside a page's script (`HTML.jsonString`).
    static func json(_ text: String) -> String {
        HTML.jsonString(text)
    }
}
