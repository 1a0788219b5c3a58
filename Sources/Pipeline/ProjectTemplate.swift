import Foundation

/// What `chainrule init` writes: a course that checks and builds at once. Its notebook's
/// outputs are not written here: `init` runs the notebook and records them, as `update` does,
/// so they are always what this version of the tool computes.
public enum ProjectTemplate {
    /// The GitHub Action of this repository, as a workflow names it.
    public static let defaultAction = "chainrule/chainrule@v1"

    /// Relative path and contents of every file, in the order they are written.
    public static func files(title: String, action: String) -> [(path: String, text: String)] {
        [
            (ProjectConfiguration.fileName, configuration(title: title)),
            ("notebooks/index.md", index(title: title)),
            ("notebooks/sigmoid.md", sigmoid),
            ("notebooks/references.bib", references),
            (".gitignore", gitignore),
            (".github/workflows/notebooks.yml", workflow(action: action)),
        ]
    }

    static func configuration(title: String) -> String {
        """
        # The course's settings. Every key is optional; paths are relative to this file, and a
        # flag on the command line wins. `chainrule check`, `update`, `build` and `serve` read it
        # from this folder or any folder below it.

        title: \(yamlString(title))
        # description: One line under the title on the home page.
        # language: en                  # the pages' lang
        notebooks: notebooks            # what check, update and build read by default
        output: site                    # where build writes the site
        # theme: theme                  # a folder of templates and styles over the built-in theme
        # base_url: https://you.github.io/course/   # where it is published: canonical links, sitemap.xml
        bibliography: notebooks/references.bib
        # TeX macros every formula of every notebook may use:
        macros: |
          \\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}

        """
    }

    static func index(title: String) -> String {
        """
        ---
        title: \(yamlString(title))
        description: Notebooks whose every number is computed and every derivation checked.
        ---

        Each page of this course is a notebook: prose, math, and blocks of code whose outputs
        are recorded under them and checked in CI. Start with
        [the slope of the logistic function](sigmoid.md).

        """
    }

    static let sigmoid = """
        ---
        title: The slope of the logistic function
        description: A derivation by hand, checked against automatic differentiation.
        order: 1
        ---

        The logistic function $\\sigma(z) = 1 / (1 + e^{-z})$ squashes any number into $(0, 1)$.
        Its slope has a closed form. Differentiating the quotient,

        $$
        \\begin{equation}
        \\pd{\\sigma}{z} = \\frac{e^{-z}}{(1 + e^{-z})^2} = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr) \\label{slope}
        \\end{equation}
        $$

        since $1 - \\sigma(z) = e^{-z} / (1 + e^{-z})$ [@rumelhart1986]. The block checks
        @eq-slope against the engine's own derivative and against central differences:

        ```backprop
        z = 0.5
        s = sigmoid(z)
        by_hand = s * (1 - s)
        assert_close(derivative(sigmoid, z), by_hand)
        gradcheck(fn(t) { sum(sigmoid(t)) }, [z])
        by_hand
        ```

        At $z = 0.5$ the slope is <!--= format(by_hand, digits: 4) --><!--/-->; it is largest at
        $z = 0$, where it is $1/4$:

        ```backprop
        plot(fn(t) { sigmoid(t) * (1 - sigmoid(t)) }, -6, 6, caption: "The slope of the logistic function.", label: "slope")
        ```

        """

    static let references = """
        @article{rumelhart1986,
          author  = {Rumelhart, David E. and Hinton, Geoffrey E. and Williams, Ronald J.},
          title   = {Learning representations by back-propagating errors},
          journal = {Nature},
          year    = {1986},
          volume  = {323},
          pages   = {533--536},
          doi     = {10.1038/323533a0}
        }

        """

    static let gitignore = """
        # What `chainrule build` writes, and its cache (safe to delete).
        /site/
        /.chainrule/

        """

    /// Checks every pull request (with annotations on its files) and publishes the site to
    /// GitHub Pages from main. The action installs Chainrule once per version and caches it.
    static func workflow(action: String) -> String {
        """
        name: notebooks

        on:
          push:
            branches: [main]
          pull_request:

        permissions:
          contents: read

        jobs:
          check:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: \(action)
                with:
                  command: check

          site:
            needs: check
            if: github.event_name == 'push' && github.ref == 'refs/heads/main'
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - uses: actions/checkout@v4
              - uses: \(action)
                with:
                  command: build
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: site
              - id: deployment
                uses: actions/deploy-pages@v4

        """
    }

    /// A title as a YAML string: quoted, with its quotes and backslashes escaped.
    static func yamlString(_ text: String) -> String {
        "\"" + text.split(whereSeparator: \.isNewline).joined(separator: " ").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
