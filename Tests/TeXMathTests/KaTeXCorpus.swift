/// Formulas for the KaTeX comparison (`KaTeXOracleTests`), written for it. Two parts:
///
/// - `systematic`: every command KaTeX 0.16.4 accepts (Debian's `libjs-katex`), each alone in
///   display style and again inside a small inline formula; from KaTeX's own list of names,
///   without its definition primitives, its trust-gated HTML commands and its Khan Academy
///   colour macros (which KaTeX's documentation does not list), which have formulas of their
///   own below.
/// - `handWritten`: realistic formulas, grouped as KaTeX's list of supported functions groups
///   them, with the derivations of a neural network course first.
///
/// One formula per line, in display style unless the line starts with `$ ` (inline); a line
/// starting with `# ` names a group.
enum KaTeXCorpus {
    struct Formula: Hashable, Sendable {
        var tex: String
        var display: Bool
    }

    static var formulas: [Formula] { parse(systematic) + parse(handWritten) }

    static func parse(_ text: String) -> [Formula] {
        text.split(separator: "\n").compactMap { line -> Formula? in
            if line.hasPrefix("# ") || line.isEmpty { return nil }
            if line.hasPrefix("$ ") { return Formula(tex: String(line.dropFirst(2)), display: false) }
            return Formula(tex: String(line), display: true)
        }
    }

    static let systematic = ##"""
\ 
$ a \  b
\!
$ a \! b
\#
$ a \# b
\$
$ a \$ b
\%
$ a \% b
\&
$ a \& b
\,
$ a \, b
\:
$ a \: b
\;
$ a \; b
\>
$ a \> b
\AA
$ a \AA b
\Alpha
$ a \Alpha b
\And
$ a \And b
\Bbb{ab}
$ x + \Bbb{y}
\Bbbk
$ a \Bbbk b
\Beta
$ a \Beta b
\Big[x]{y}
\Bigg[x]{y}
\Biggl[x]{y}
\Biggm[x]{y}
\Biggr[x]{y}
\Bigl[x]{y}
\Bigm[x]{y}
\Bigr[x]{y}
\Box
$ a \Box b
\Bra{ab}
$ x + \Bra{y}
\Braket{ab}
$ x + \Braket{y}
\Bumpeq
$ a \Bumpeq b
\Cap
$ a \Cap b
\Chi
$ a \Chi b
\Colonapprox
$ a \Colonapprox b
\Coloneq
$ a \Coloneq b
\Coloneqq
$ a \Coloneqq b
\Colonsim
$ a \Colonsim b
\Complex
$ a \Complex b
\Cup
$ a \Cup b
\DOTSB
$ a \DOTSB b
\DOTSI
$ a \DOTSI b
\DOTSX
$ a \DOTSX b
\Dagger
$ a \Dagger b
\Darr
$ a \Darr b
\Delta
$ a \Delta b
\Diamond
$ a \Diamond b
\Doteq
$ a \Doteq b
\Downarrow
$ a \Downarrow b
\Epsilon
$ a \Epsilon b
\Eqcolon
$ a \Eqcolon b
\Eqqcolon
$ a \Eqqcolon b
\Eta
$ a \Eta b
\Finv
$ a \Finv b
\Game
$ a \Game b
\Gamma
$ a \Gamma b
\H{ab}
$ x + \H{y}
\Harr
$ a \Harr b
\Huge
$ a \Huge b
\Im
$ a \Im b
\Iota
$ a \Iota b
\Join
$ a \Join b
\KaTeX
$ a \KaTeX b
\Kappa
$ a \Kappa b
\Ket{ab}
$ x + \Ket{y}
\LARGE
$ a \LARGE b
\LaTeX
$ a \LaTeX b
\Lambda
$ a \Lambda b
\Large
$ a \Large b
\Larr
$ a \Larr b
\Leftarrow
$ a \Leftarrow b
\Leftrightarrow
$ a \Leftrightarrow b
\Lleftarrow
$ a \Lleftarrow b
\Longleftarrow
$ a \Longleftarrow b
\Longleftrightarrow
$ a \Longleftrightarrow b
\Longrightarrow
$ a \Longrightarrow b
\Lrarr
$ a \Lrarr b
\Lsh
$ a \Lsh b
\Mu
$ a \Mu b
\N
$ a \N b
\Nu
$ a \Nu b
\Omega
$ a \Omega b
\Omicron
$ a \Omicron b
\Overrightarrow{ab}
$ x + \Overrightarrow{y}
\P
$ a \P b
\Phi
$ a \Phi b
\Pi
$ a \Pi b
\Pr
$ a \Pr b
\Psi
$ a \Psi b
\R
$ a \R b
\Rarr
$ a \Rarr b
\Re
$ a \Re b
\Reals
$ a \Reals b
\Rho
$ a \Rho b
\Rightarrow
$ a \Rightarrow b
\Rrightarrow
$ a \Rrightarrow b
\Rsh
$ a \Rsh b
\S
$ a \S b
\Set{ab}
$ x + \Set{y}
\Sigma
$ a \Sigma b
\Subset
$ a \Subset b
\Supset
$ a \Supset b
\Tau
$ a \Tau b
\TeX
$ a \TeX b
\Theta
$ a \Theta b
\Uarr
$ a \Uarr b
\Uparrow
$ a \Uparrow b
\Updownarrow
$ a \Updownarrow b
\Upsilon
$ a \Upsilon b
\Vdash
$ a \Vdash b
\Vert
$ a \Vert b
\Vvdash
$ a \Vvdash b
\Xi
$ a \Xi b
\Z
$ a \Z b
\Zeta
$ a \Zeta b
\_
$ a \_ b
\aa
$ a \aa b
\acute{ab}
$ x + \acute{y}
\alef
$ a \alef b
\alefsym
$ a \alefsym b
\aleph
$ a \aleph b
\allowbreak
$ a \allowbreak b
\alpha
$ a \alpha b
\amalg
$ a \amalg b
\angl{ab}
$ x + \angl{y}
\angle
$ a \angle b
\angln
$ a \angln b
\approx
$ a \approx b
\approxcolon
$ a \approxcolon b
\approxcoloncolon
$ a \approxcoloncolon b
\approxeq
$ a \approxeq b
\arccos
$ a \arccos b
\arcctg
$ a \arcctg b
\arcsin
$ a \arcsin b
\arctan
$ a \arctan b
\arctg
$ a \arctg b
\arg
$ a \arg b
\argmax
$ a \argmax b
\argmin
$ a \argmin b
\ast
$ a \ast b
\asymp
$ a \asymp b
\atop
$ a \atop b
\backepsilon
$ a \backepsilon b
\backprime
$ a \backprime b
\backsim
$ a \backsim b
\backsimeq
$ a \backsimeq b
\backslash
$ a \backslash b
\bar{ab}
$ x + \bar{y}
\barwedge
$ a \barwedge b
\bcancel{ab}
$ x + \bcancel{y}
\because
$ a \because b
\beta
$ a \beta b
\beth
$ a \beth b
\between
$ a \between b
\bf
$ a \bf b
\big[x]{y}
\bigcap
$ a \bigcap b
\bigcirc
$ a \bigcirc b
\bigcup
$ a \bigcup b
\bigg[x]{y}
\biggl[x]{y}
\biggm[x]{y}
\biggr[x]{y}
\bigl[x]{y}
\bigm[x]{y}
\bigodot
$ a \bigodot b
\bigoplus
$ a \bigoplus b
\bigotimes
$ a \bigotimes b
\bigr[x]{y}
\bigsqcup
$ a \bigsqcup b
\bigstar
$ a \bigstar b
\bigtriangledown
$ a \bigtriangledown b
\bigtriangleup
$ a \bigtriangleup b
\biguplus
$ a \biguplus b
\bigvee
$ a \bigvee b
\bigwedge
$ a \bigwedge b
\binom{a}{b}
$ x = \binom{1}{n}
\blacklozenge
$ a \blacklozenge b
\blacksquare
$ a \blacksquare b
\blacktriangle
$ a \blacktriangle b
\blacktriangledown
$ a \blacktriangledown b
\blacktriangleleft
$ a \blacktriangleleft b
\blacktriangleright
$ a \blacktriangleright b
\bm{ab}
$ x + \bm{y}
\bmod
$ a \bmod b
\bold{ab}
$ x + \bold{y}
\boldsymbol{ab}
$ x + \boldsymbol{y}
\bot
$ a \bot b
\bowtie
$ a \bowtie b
\boxdot
$ a \boxdot b
\boxed{ab}
$ x + \boxed{y}
\boxminus
$ a \boxminus b
\boxplus
$ a \boxplus b
\boxtimes
$ a \boxtimes b
\bra{ab}
$ x + \bra{y}
\brace
$ a \brace b
\brack
$ a \brack b
\braket{ab}
$ x + \braket{y}
\breve{ab}
$ x + \breve{y}
\bull
$ a \bull b
\bullet
$ a \bullet b
\bumpeq
$ a \bumpeq b
\c{ab}
$ x + \c{y}
\cal
$ a \cal b
\cancel{ab}
$ x + \cancel{y}
\cap
$ a \cap b
\cdot
$ a \cdot b
\cdotp
$ a \cdotp b
\cdots
$ a \cdots b
\centerdot
$ a \centerdot b
\cfrac{a}{b}
$ x = \cfrac{1}{n}
\ch
$ a \ch b
\check{ab}
$ x + \check{y}
\checkmark
$ a \checkmark b
\chi
$ a \chi b
\choose
$ a \choose b
\circ
$ a \circ b
\circeq
$ a \circeq b
\circlearrowleft
$ a \circlearrowleft b
\circlearrowright
$ a \circlearrowright b
\circledR
$ a \circledR b
\circledS
$ a \circledS b
\circledast
$ a \circledast b
\circledcirc
$ a \circledcirc b
\circleddash
$ a \circleddash b
\clap{ab}
$ x + \clap{y}
\clubs
$ a \clubs b
\clubsuit
$ a \clubsuit b
\cnums
$ a \cnums b
\colon
$ a \colon b
\colonapprox
$ a \colonapprox b
\coloncolon
$ a \coloncolon b
\coloncolonapprox
$ a \coloncolonapprox b
\coloncolonequals
$ a \coloncolonequals b
\coloncolonminus
$ a \coloncolonminus b
\coloncolonsim
$ a \coloncolonsim b
\coloneq
$ a \coloneq b
\coloneqq
$ a \coloneqq b
\colonequals
$ a \colonequals b
\colonminus
$ a \colonminus b
\colonsim
$ a \colonsim b
\complement
$ a \complement b
\cong
$ a \cong b
\coprod
$ a \coprod b
\copyright
$ a \copyright b
\cos
$ a \cos b
\cosec
$ a \cosec b
\cosh
$ a \cosh b
\cot
$ a \cot b
\cotg
$ a \cotg b
\coth
$ a \coth b
\csc
$ a \csc b
\ctg
$ a \ctg b
\cth
$ a \cth b
\cup
$ a \cup b
\curlyeqprec
$ a \curlyeqprec b
\curlyeqsucc
$ a \curlyeqsucc b
\curlyvee
$ a \curlyvee b
\curlywedge
$ a \curlywedge b
\curvearrowleft
$ a \curvearrowleft b
\curvearrowright
$ a \curvearrowright b
\dArr
$ a \dArr b
\dag
$ a \dag b
\dagger
$ a \dagger b
\daleth
$ a \daleth b
\darr
$ a \darr b
\dashleftarrow
$ a \dashleftarrow b
\dashrightarrow
$ a \dashrightarrow b
\dashv
$ a \dashv b
\dbinom{a}{b}
$ x = \dbinom{1}{n}
\dblcolon
$ a \dblcolon b
\ddag
$ a \ddag b
\ddagger
$ a \ddagger b
\ddot{ab}
$ x + \ddot{y}
\ddots
$ a \ddots b
\deg
$ a \deg b
\degree
$ a \degree b
\delta
$ a \delta b
\det
$ a \det b
\dfrac{a}{b}
$ x = \dfrac{1}{n}
\diagdown
$ a \diagdown b
\diagup
$ a \diagup b
\diamond
$ a \diamond b
\diamonds
$ a \diamonds b
\diamondsuit
$ a \diamondsuit b
\digamma
$ a \digamma b
\dim
$ a \dim b
\displaystyle
$ a \displaystyle b
\div
$ a \div b
\divideontimes
$ a \divideontimes b
\dot{ab}
$ x + \dot{y}
\doteq
$ a \doteq b
\doteqdot
$ a \doteqdot b
\dotplus
$ a \dotplus b
\dots
$ a \dots b
\dotsb
$ a \dotsb b
\dotsc
$ a \dotsc b
\dotsi
$ a \dotsi b
\dotsm
$ a \dotsm b
\dotso
$ a \dotso b
\dotsx
$ a \dotsx b
\doublebarwedge
$ a \doublebarwedge b
\doublecap
$ a \doublecap b
\doublecup
$ a \doublecup b
\downarrow
$ a \downarrow b
\downdownarrows
$ a \downdownarrows b
\downharpoonleft
$ a \downharpoonleft b
\downharpoonright
$ a \downharpoonright b
\ell
$ a \ell b
\empty
$ a \empty b
\emptyset
$ a \emptyset b
\enskip
$ a \enskip b
\enspace
$ a \enspace b
\epsilon
$ a \epsilon b
\eqcirc
$ a \eqcirc b
\eqcolon
$ a \eqcolon b
\eqqcolon
$ a \eqqcolon b
\eqsim
$ a \eqsim b
\eqslantgtr
$ a \eqslantgtr b
\eqslantless
$ a \eqslantless b
\equalscolon
$ a \equalscolon b
\equalscoloncolon
$ a \equalscoloncolon b
\equiv
$ a \equiv b
\eta
$ a \eta b
\eth
$ a \eth b
\exist
$ a \exist b
\exists
$ a \exists b
\exp
$ a \exp b
\fallingdotseq
$ a \fallingdotseq b
\fbox{ab}
$ x + \fbox{y}
\flat
$ a \flat b
\footnotesize
$ a \footnotesize b
\forall
$ a \forall b
\frac{a}{b}
$ x = \frac{1}{n}
\frak{ab}
$ x + \frak{y}
\frown
$ a \frown b
\gamma
$ a \gamma b
\gcd
$ a \gcd b
\ge
$ a \ge b
\geq
$ a \geq b
\geqq
$ a \geqq b
\geqslant
$ a \geqslant b
\gets
$ a \gets b
\gg
$ a \gg b
\ggg
$ a \ggg b
\gggtr
$ a \gggtr b
\gimel
$ a \gimel b
\gnapprox
$ a \gnapprox b
\gneq
$ a \gneq b
\gneqq
$ a \gneqq b
\gnsim
$ a \gnsim b
\grave{ab}
$ x + \grave{y}
\gt
$ a \gt b
\gtrapprox
$ a \gtrapprox b
\gtrdot
$ a \gtrdot b
\gtreqless
$ a \gtreqless b
\gtreqqless
$ a \gtreqqless b
\gtrless
$ a \gtrless b
\gtrsim
$ a \gtrsim b
\gvertneqq
$ a \gvertneqq b
\hArr
$ a \hArr b
\harr
$ a \harr b
\hat{ab}
$ x + \hat{y}
\hbar
$ a \hbar b
\hbox{ab}
$ x + \hbox{y}
\hearts
$ a \hearts b
\heartsuit
$ a \heartsuit b
\hom
$ a \hom b
\hookleftarrow
$ a \hookleftarrow b
\hookrightarrow
$ a \hookrightarrow b
\hphantom{ab}
$ x + \hphantom{y}
\hslash
$ a \hslash b
\huge
$ a \huge b
\iff
$ a \iff b
\iiint
$ a \iiint b
\iint
$ a \iint b
\image
$ a \image b
\imageof
$ a \imageof b
\imath
$ a \imath b
\impliedby
$ a \impliedby b
\implies
$ a \implies b
\in
$ a \in b
\inf
$ a \inf b
\infin
$ a \infin b
\infty
$ a \infty b
\injlim
$ a \injlim b
\int
$ a \int b
\intercal
$ a \intercal b
\intop
$ a \intop b
\iota
$ a \iota b
\isin
$ a \isin b
\it
$ a \it b
\jmath
$ a \jmath b
\kappa
$ a \kappa b
\ker
$ a \ker b
\ket{ab}
$ x + \ket{y}
\lArr
$ a \lArr b
\lBrace
$ a \lBrace b
\lVert
$ a \lVert b
\lambda
$ a \lambda b
\land
$ a \land b
\lang
$ a \lang b
\langle
$ a \langle b
\large
$ a \large b
\larr
$ a \larr b
\lbrace
$ a \lbrace b
\lbrack
$ a \lbrack b
\lceil
$ a \lceil b
\ldotp
$ a \ldotp b
\ldots
$ a \ldots b
\le
$ a \le b
\leadsto
$ a \leadsto b
\leftarrow
$ a \leftarrow b
\leftarrowtail
$ a \leftarrowtail b
\leftharpoondown
$ a \leftharpoondown b
\leftharpoonup
$ a \leftharpoonup b
\leftleftarrows
$ a \leftleftarrows b
\leftrightarrow
$ a \leftrightarrow b
\leftrightarrows
$ a \leftrightarrows b
\leftrightharpoons
$ a \leftrightharpoons b
\leftrightsquigarrow
$ a \leftrightsquigarrow b
\leftthreetimes
$ a \leftthreetimes b
\leq
$ a \leq b
\leqq
$ a \leqq b
\leqslant
$ a \leqslant b
\lessapprox
$ a \lessapprox b
\lessdot
$ a \lessdot b
\lesseqgtr
$ a \lesseqgtr b
\lesseqqgtr
$ a \lesseqqgtr b
\lessgtr
$ a \lessgtr b
\lesssim
$ a \lesssim b
\lfloor
$ a \lfloor b
\lg
$ a \lg b
\lgroup
$ a \lgroup b
\lhd
$ a \lhd b
\lim
$ a \lim b
\liminf
$ a \liminf b
\limsup
$ a \limsup b
\ll
$ a \ll b
\llap{ab}
$ x + \llap{y}
\llbracket
$ a \llbracket b
\llcorner
$ a \llcorner b
\lll
$ a \lll b
\llless
$ a \llless b
\lmoustache
$ a \lmoustache b
\ln
$ a \ln b
\lnapprox
$ a \lnapprox b
\lneq
$ a \lneq b
\lneqq
$ a \lneqq b
\lnot
$ a \lnot b
\lnsim
$ a \lnsim b
\log
$ a \log b
\longleftarrow
$ a \longleftarrow b
\longleftrightarrow
$ a \longleftrightarrow b
\longmapsto
$ a \longmapsto b
\longrightarrow
$ a \longrightarrow b
\looparrowleft
$ a \looparrowleft b
\looparrowright
$ a \looparrowright b
\lor
$ a \lor b
\lozenge
$ a \lozenge b
\lparen
$ a \lparen b
\lq
$ a \lq b
\lrArr
$ a \lrArr b
\lrarr
$ a \lrarr b
\lrcorner
$ a \lrcorner b
\lt
$ a \lt b
\ltimes
$ a \ltimes b
\lvert
$ a \lvert b
\lvertneqq
$ a \lvertneqq b
\maltese
$ a \maltese b
\mapsto
$ a \mapsto b
\mathbb{ab}
$ x + \mathbb{y}
\mathbf{ab}
$ x + \mathbf{y}
\mathbin{ab}
$ x + \mathbin{y}
\mathcal{ab}
$ x + \mathcal{y}
\mathclap{ab}
$ x + \mathclap{y}
\mathclose{ab}
$ x + \mathclose{y}
\mathellipsis
$ a \mathellipsis b
\mathfrak{ab}
$ x + \mathfrak{y}
\mathinner{ab}
$ x + \mathinner{y}
\mathit{ab}
$ x + \mathit{y}
\mathllap{ab}
$ x + \mathllap{y}
\mathnormal{ab}
$ x + \mathnormal{y}
\mathop{ab}
$ x + \mathop{y}
\mathopen{ab}
$ x + \mathopen{y}
\mathord{ab}
$ x + \mathord{y}
\mathpunct{ab}
$ x + \mathpunct{y}
\mathrel{ab}
$ x + \mathrel{y}
\mathring{ab}
$ x + \mathring{y}
\mathrlap{ab}
$ x + \mathrlap{y}
\mathrm{ab}
$ x + \mathrm{y}
\mathscr{ab}
$ x + \mathscr{y}
\mathsf{ab}
$ x + \mathsf{y}
\mathsterling
$ a \mathsterling b
\mathstrut
$ a \mathstrut b
\mathtt{ab}
$ x + \mathtt{y}
\max
$ a \max b
\measuredangle
$ a \measuredangle b
\medspace
$ a \medspace b
\mho
$ a \mho b
\mid
$ a \mid b
\min
$ a \min b
\minuscolon
$ a \minuscolon b
\minuscoloncolon
$ a \minuscoloncolon b
\minuso
$ a \minuso b
\mod{ab}
$ x + \mod{y}
\models
$ a \models b
\mp
$ a \mp b
\mu
$ a \mu b
\multimap
$ a \multimap b
\nLeftarrow
$ a \nLeftarrow b
\nLeftrightarrow
$ a \nLeftrightarrow b
\nRightarrow
$ a \nRightarrow b
\nVDash
$ a \nVDash b
\nVdash
$ a \nVdash b
\nabla
$ a \nabla b
\natnums
$ a \natnums b
\natural
$ a \natural b
\ncong
$ a \ncong b
\ne
$ a \ne b
\nearrow
$ a \nearrow b
\neg
$ a \neg b
\negmedspace
$ a \negmedspace b
\negthickspace
$ a \negthickspace b
\negthinspace
$ a \negthinspace b
\neq
$ a \neq b
\nexists
$ a \nexists b
\ngeq
$ a \ngeq b
\ngeqq
$ a \ngeqq b
\ngeqslant
$ a \ngeqslant b
\ngtr
$ a \ngtr b
\ni
$ a \ni b
\nleftarrow
$ a \nleftarrow b
\nleftrightarrow
$ a \nleftrightarrow b
\nleq
$ a \nleq b
\nleqq
$ a \nleqq b
\nleqslant
$ a \nleqslant b
\nless
$ a \nless b
\nmid
$ a \nmid b
\nobreak
$ a \nobreak b
\nobreakspace
$ a \nobreakspace b
\nonumber
$ a \nonumber b
\normalsize
$ a \normalsize b
\not
$ a \not b
\notag
$ a \notag b
\notin
$ a \notin b
\notni
$ a \notni b
\nparallel
$ a \nparallel b
\nprec
$ a \nprec b
\npreceq
$ a \npreceq b
\nrightarrow
$ a \nrightarrow b
\nshortmid
$ a \nshortmid b
\nshortparallel
$ a \nshortparallel b
\nsim
$ a \nsim b
\nsubseteq
$ a \nsubseteq b
\nsubseteqq
$ a \nsubseteqq b
\nsucc
$ a \nsucc b
\nsucceq
$ a \nsucceq b
\nsupseteq
$ a \nsupseteq b
\nsupseteqq
$ a \nsupseteqq b
\ntriangleleft
$ a \ntriangleleft b
\ntrianglelefteq
$ a \ntrianglelefteq b
\ntriangleright
$ a \ntriangleright b
\ntrianglerighteq
$ a \ntrianglerighteq b
\nu
$ a \nu b
\nvDash
$ a \nvDash b
\nvdash
$ a \nvdash b
\nwarrow
$ a \nwarrow b
\odot
$ a \odot b
\oiiint
$ a \oiiint b
\oiint
$ a \oiint b
\oint
$ a \oint b
\omega
$ a \omega b
\omicron
$ a \omicron b
\ominus
$ a \ominus b
\operatorname{ab}
$ x + \operatorname{y}
\operatornamewithlimits{ab}
$ x + \operatornamewithlimits{y}
\oplus
$ a \oplus b
\ordinarycolon
$ a \ordinarycolon b
\origof
$ a \origof b
\oslash
$ a \oslash b
\otimes
$ a \otimes b
\over
$ a \over b
\overbrace{ab}
$ x + \overbrace{y}
\overgroup{ab}
$ x + \overgroup{y}
\overleftarrow{ab}
$ x + \overleftarrow{y}
\overleftharpoon{ab}
$ x + \overleftharpoon{y}
\overleftrightarrow{ab}
$ x + \overleftrightarrow{y}
\overline{ab}
$ x + \overline{y}
\overlinesegment{ab}
$ x + \overlinesegment{y}
\overrightarrow{ab}
$ x + \overrightarrow{y}
\overrightharpoon{ab}
$ x + \overrightharpoon{y}
\overset{a}{b}
$ x = \overset{1}{n}
\owns
$ a \owns b
\parallel
$ a \parallel b
\partial
$ a \partial b
\perp
$ a \perp b
\phantom{ab}
$ x + \phantom{y}
\phase{ab}
$ x + \phase{y}
\phi
$ a \phi b
\pi
$ a \pi b
\pitchfork
$ a \pitchfork b
\plim
$ a \plim b
\plusmn
$ a \plusmn b
\pm
$ a \pm b
\pmb{ab}
$ x + \pmb{y}
\pmod{ab}
$ x + \pmod{y}
\pod{ab}
$ x + \pod{y}
\pounds
$ a \pounds b
\prec
$ a \prec b
\precapprox
$ a \precapprox b
\preccurlyeq
$ a \preccurlyeq b
\preceq
$ a \preceq b
\precnapprox
$ a \precnapprox b
\precneqq
$ a \precneqq b
\precnsim
$ a \precnsim b
\precsim
$ a \precsim b
\prime
$ a \prime b
\prod
$ a \prod b
\projlim
$ a \projlim b
\propto
$ a \propto b
\psi
$ a \psi b
\qquad
$ a \qquad b
\quad
$ a \quad b
\r{ab}
$ x + \r{y}
\rArr
$ a \rArr b
\rBrace
$ a \rBrace b
\rVert
$ a \rVert b
\rang
$ a \rang b
\rangle
$ a \rangle b
\rarr
$ a \rarr b
\ratio
$ a \ratio b
\rbrace
$ a \rbrace b
\rbrack
$ a \rbrack b
\rceil
$ a \rceil b
\real
$ a \real b
\reals
$ a \reals b
\restriction
$ a \restriction b
\rfloor
$ a \rfloor b
\rgroup
$ a \rgroup b
\rhd
$ a \rhd b
\rho
$ a \rho b
\rightarrow
$ a \rightarrow b
\rightarrowtail
$ a \rightarrowtail b
\rightharpoondown
$ a \rightharpoondown b
\rightharpoonup
$ a \rightharpoonup b
\rightleftarrows
$ a \rightleftarrows b
\rightleftharpoons
$ a \rightleftharpoons b
\rightrightarrows
$ a \rightrightarrows b
\rightsquigarrow
$ a \rightsquigarrow b
\rightthreetimes
$ a \rightthreetimes b
\risingdotseq
$ a \risingdotseq b
\rlap{ab}
$ x + \rlap{y}
\rm
$ a \rm b
\rmoustache
$ a \rmoustache b
\rparen
$ a \rparen b
\rq
$ a \rq b
\rrbracket
$ a \rrbracket b
\rtimes
$ a \rtimes b
\rvert
$ a \rvert b
\scriptscriptstyle
$ a \scriptscriptstyle b
\scriptsize
$ a \scriptsize b
\scriptstyle
$ a \scriptstyle b
\sdot
$ a \sdot b
\searrow
$ a \searrow b
\sec
$ a \sec b
\sect
$ a \sect b
\set{ab}
$ x + \set{y}
\setminus
$ a \setminus b
\sf
$ a \sf b
\sh
$ a \sh b
\sharp
$ a \sharp b
\shortmid
$ a \shortmid b
\shortparallel
$ a \shortparallel b
\sigma
$ a \sigma b
\sim
$ a \sim b
\simcolon
$ a \simcolon b
\simcoloncolon
$ a \simcoloncolon b
\simeq
$ a \simeq b
\sin
$ a \sin b
\sinh
$ a \sinh b
\sixptsize
$ a \sixptsize b
\small
$ a \small b
\smallfrown
$ a \smallfrown b
\smallint
$ a \smallint b
\smallsetminus
$ a \smallsetminus b
\smallsmile
$ a \smallsmile b
\smash{ab}
$ x + \smash{y}
\smile
$ a \smile b
\sout{ab}
$ x + \sout{y}
\space
$ a \space b
\spades
$ a \spades b
\spadesuit
$ a \spadesuit b
\sphericalangle
$ a \sphericalangle b
\sqcap
$ a \sqcap b
\sqcup
$ a \sqcup b
\sqrt{ab}
$ x + \sqrt{y}
\sqsubset
$ a \sqsubset b
\sqsubseteq
$ a \sqsubseteq b
\sqsupset
$ a \sqsupset b
\sqsupseteq
$ a \sqsupseteq b
\square
$ a \square b
\stackrel{a}{b}
$ x = \stackrel{1}{n}
\star
$ a \star b
\sub
$ a \sub b
\sube
$ a \sube b
\subset
$ a \subset b
\subseteq
$ a \subseteq b
\subseteqq
$ a \subseteqq b
\subsetneq
$ a \subsetneq b
\subsetneqq
$ a \subsetneqq b
\substack{ab}
$ x + \substack{y}
\succ
$ a \succ b
\succapprox
$ a \succapprox b
\succcurlyeq
$ a \succcurlyeq b
\succeq
$ a \succeq b
\succnapprox
$ a \succnapprox b
\succneqq
$ a \succneqq b
\succnsim
$ a \succnsim b
\succsim
$ a \succsim b
\sum
$ a \sum b
\sup
$ a \sup b
\supe
$ a \supe b
\supset
$ a \supset b
\supseteq
$ a \supseteq b
\supseteqq
$ a \supseteqq b
\supsetneq
$ a \supsetneq b
\supsetneqq
$ a \supsetneqq b
\surd
$ a \surd b
\swarrow
$ a \swarrow b
\tan
$ a \tan b
\tanh
$ a \tanh b
\tau
$ a \tau b
\tbinom{a}{b}
$ x = \tbinom{1}{n}
\text{ab}
$ x + \text{y}
\textbf{ab}
$ x + \textbf{y}
\textcircled{ab}
$ x + \textcircled{y}
\textcopyright
$ a \textcopyright b
\textit{ab}
$ x + \textit{y}
\textmd{ab}
$ x + \textmd{y}
\textnormal{ab}
$ x + \textnormal{y}
\textregistered
$ a \textregistered b
\textrm{ab}
$ x + \textrm{y}
\textsf{ab}
$ x + \textsf{y}
\textstyle
$ a \textstyle b
\texttt{ab}
$ x + \texttt{y}
\textup{ab}
$ x + \textup{y}
\tfrac{a}{b}
$ x = \tfrac{1}{n}
\tg
$ a \tg b
\th
$ a \th b
\therefore
$ a \therefore b
\theta
$ a \theta b
\thetasym
$ a \thetasym b
\thickapprox
$ a \thickapprox b
\thicksim
$ a \thicksim b
\thickspace
$ a \thickspace b
\thinspace
$ a \thinspace b
\tilde{ab}
$ x + \tilde{y}
\times
$ a \times b
\tiny
$ a \tiny b
\to
$ a \to b
\top
$ a \top b
\triangle
$ a \triangle b
\triangledown
$ a \triangledown b
\triangleleft
$ a \triangleleft b
\trianglelefteq
$ a \trianglelefteq b
\triangleq
$ a \triangleq b
\triangleright
$ a \triangleright b
\trianglerighteq
$ a \trianglerighteq b
\tt
$ a \tt b
\twoheadleftarrow
$ a \twoheadleftarrow b
\twoheadrightarrow
$ a \twoheadrightarrow b
\u{ab}
$ x + \u{y}
\uArr
$ a \uArr b
\uarr
$ a \uarr b
\ulcorner
$ a \ulcorner b
\underbar{ab}
$ x + \underbar{y}
\underbrace{ab}
$ x + \underbrace{y}
\undergroup{ab}
$ x + \undergroup{y}
\underleftarrow{ab}
$ x + \underleftarrow{y}
\underleftrightarrow{ab}
$ x + \underleftrightarrow{y}
\underline{ab}
$ x + \underline{y}
\underlinesegment{ab}
$ x + \underlinesegment{y}
\underrightarrow{ab}
$ x + \underrightarrow{y}
\underset{a}{b}
$ x = \underset{1}{n}
\unlhd
$ a \unlhd b
\unrhd
$ a \unrhd b
\uparrow
$ a \uparrow b
\updownarrow
$ a \updownarrow b
\upharpoonleft
$ a \upharpoonleft b
\upharpoonright
$ a \upharpoonright b
\uplus
$ a \uplus b
\upsilon
$ a \upsilon b
\upuparrows
$ a \upuparrows b
\urcorner
$ a \urcorner b
\utilde{ab}
$ x + \utilde{y}
\v{ab}
$ x + \v{y}
\vDash
$ a \vDash b
\varDelta
$ a \varDelta b
\varGamma
$ a \varGamma b
\varLambda
$ a \varLambda b
\varOmega
$ a \varOmega b
\varPhi
$ a \varPhi b
\varPi
$ a \varPi b
\varPsi
$ a \varPsi b
\varSigma
$ a \varSigma b
\varTheta
$ a \varTheta b
\varUpsilon
$ a \varUpsilon b
\varXi
$ a \varXi b
\varepsilon
$ a \varepsilon b
\varinjlim
$ a \varinjlim b
\varkappa
$ a \varkappa b
\varliminf
$ a \varliminf b
\varlimsup
$ a \varlimsup b
\varnothing
$ a \varnothing b
\varphi
$ a \varphi b
\varpi
$ a \varpi b
\varprojlim
$ a \varprojlim b
\varpropto
$ a \varpropto b
\varrho
$ a \varrho b
\varsigma
$ a \varsigma b
\varsubsetneq
$ a \varsubsetneq b
\varsubsetneqq
$ a \varsubsetneqq b
\varsupsetneq
$ a \varsupsetneq b
\varsupsetneqq
$ a \varsupsetneqq b
\vartheta
$ a \vartheta b
\vartriangle
$ a \vartriangle b
\vartriangleleft
$ a \vartriangleleft b
\vartriangleright
$ a \vartriangleright b
\varvdots
$ a \varvdots b
\vcentcolon
$ a \vcentcolon b
\vcenter{ab}
$ x + \vcenter{y}
\vdash
$ a \vdash b
\vdots
$ a \vdots b
\vec{ab}
$ x + \vec{y}
\vee
$ a \vee b
\veebar
$ a \veebar b
\vert
$ a \vert b
\vphantom{ab}
$ x + \vphantom{y}
\wedge
$ a \wedge b
\weierp
$ a \weierp b
\widecheck{ab}
$ x + \widecheck{y}
\widehat{ab}
$ x + \widehat{y}
\widetilde{ab}
$ x + \widetilde{y}
\wp
$ a \wp b
\wr
$ a \wr b
\xLeftarrow{ab}
$ x + \xLeftarrow{y}
\xLeftrightarrow{ab}
$ x + \xLeftrightarrow{y}
\xRightarrow{ab}
$ x + \xRightarrow{y}
\xcancel{ab}
$ x + \xcancel{y}
\xhookleftarrow{ab}
$ x + \xhookleftarrow{y}
\xhookrightarrow{ab}
$ x + \xhookrightarrow{y}
\xi
$ a \xi b
\xleftarrow{ab}
$ x + \xleftarrow{y}
\xleftequilibrium{ab}
$ x + \xleftequilibrium{y}
\xleftharpoondown{ab}
$ x + \xleftharpoondown{y}
\xleftharpoonup{ab}
$ x + \xleftharpoonup{y}
\xleftrightarrow{ab}
$ x + \xleftrightarrow{y}
\xleftrightharpoons{ab}
$ x + \xleftrightharpoons{y}
\xlongequal{ab}
$ x + \xlongequal{y}
\xmapsto{ab}
$ x + \xmapsto{y}
\xrightarrow{ab}
$ x + \xrightarrow{y}
\xrightequilibrium{ab}
$ x + \xrightequilibrium{y}
\xrightharpoondown{ab}
$ x + \xrightharpoondown{y}
\xrightharpoonup{ab}
$ x + \xrightharpoonup{y}
\xrightleftarrows{ab}
$ x + \xrightleftarrows{y}
\xrightleftharpoons{ab}
$ x + \xrightleftharpoons{y}
\xtofrom{ab}
$ x + \xtofrom{y}
\xtwoheadleftarrow{ab}
$ x + \xtwoheadleftarrow{y}
\xtwoheadrightarrow{ab}
$ x + \xtwoheadrightarrow{y}
\yen
$ a \yen b
\zeta
$ a \zeta b
\{
$ a \{ b
\|
$ a \| b
\}
$ a \} b
"""##

    static let handWritten = ##"""
# Derivations of a neural network course
\frac{\partial L}{\partial W^{(l)}} = \boldsymbol{\delta}^{(l)} \left(\mathbf{a}^{(l-1)}\right)^{\top}
\boldsymbol{\delta}^{(L)} = \nabla_{\mathbf{a}} L \odot \sigma'\!\left(\mathbf{z}^{(L)}\right)
\begin{aligned} \frac{\partial L}{\partial b_j} &= \sum_k \frac{\partial L}{\partial z_k} \frac{\partial z_k}{\partial b_j} \\ &= \delta_j \end{aligned}
\operatorname{softmax}(\mathbf{z})_i = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}
\frac{\partial}{\partial z_j} \operatorname{softmax}(\mathbf{z})_i = p_i \left(\delta_{ij} - p_j\right)
\mathcal{L}_{\text{CE}} = -\sum_{c=1}^{C} y_c \log \hat{y}_c
\mathcal{L}_{\text{MSE}} = \frac{1}{N} \sum_{n=1}^{N} \left\| \mathbf{y}_n - \hat{\mathbf{y}}_n \right\|_2^2
\theta_{t+1} = \theta_t - \eta \, \nabla_\theta \mathcal{L}(\theta_t)
m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t, \qquad v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2
\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}, \quad \theta_t = \theta_{t-1} - \frac{\eta\, \hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}
\operatorname{ReLU}(x) = \max(0, x), \qquad \operatorname{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}
\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}, \qquad \tanh'(x) = 1 - \tanh^2(x)
\sigma(x) = \frac{1}{1 + e^{-x}} \implies \sigma'(x) = \sigma(x)\bigl(1 - \sigma(x)\bigr)
\operatorname{GELU}(x) = x\, \Phi(x) = \frac{x}{2}\left[1 + \operatorname{erf}\!\left(\frac{x}{\sqrt{2}}\right)\right]
\mathbf{h}_t = \tanh\left(W_{hh} \mathbf{h}_{t-1} + W_{xh} \mathbf{x}_t + \mathbf{b}_h\right)
\frac{\partial \mathbf{h}_t}{\partial \mathbf{h}_k} = \prod_{i=k+1}^{t} W_{hh}^{\top} \operatorname{diag}\left(1 - \mathbf{h}_i^2\right)
\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{Q K^{\top}}{\sqrt{d_k}}\right) V
\mathrm{LayerNorm}(\mathbf{x}) = \gamma \odot \frac{\mathbf{x} - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta
\mu_B = \frac{1}{m}\sum_{i=1}^{m} x_i, \qquad \sigma_B^2 = \frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_B)^2
W \sim \mathcal{U}\left(-\sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}},\ \sqrt{\frac{6}{n_{\text{in}} + n_{\text{out}}}}\right)
\lambda \sum_{l} \left\| W^{(l)} \right\|_F^2 = \lambda \sum_{l} \sum_{i,j} \left(w_{ij}^{(l)}\right)^2
\frac{f(x + h) - f(x - h)}{2h} = f'(x) + O(h^2)
\left| \frac{g_{\text{analytic}} - g_{\text{numeric}}}{\max\left(|g_{\text{analytic}}|, |g_{\text{numeric}}|\right)} \right| < 10^{-7}
\mathbb{E}_{x \sim p}\left[ f(x) \right] \approx \frac{1}{S} \sum_{s=1}^{S} f\!\left(x^{(s)}\right)
\nabla_{\mathbf{w}} \left( \mathbf{w}^{\top} A \mathbf{w} \right) = \left(A + A^{\top}\right) \mathbf{w}
\frac{\partial}{\partial X} \operatorname{tr}\left(A X B\right) = A^{\top} B^{\top}
y = W x + b \quad\Longrightarrow\quad \frac{\partial y}{\partial x} = W, \quad \frac{\partial L}{\partial x} = W^{\top} \frac{\partial L}{\partial y}
\frac{dz}{dx} = \frac{dz}{dy}\cdot\frac{dy}{dx}
\frac{\partial f}{\partial x_i} = \sum_{j} \frac{\partial f}{\partial u_j} \frac{\partial u_j}{\partial x_i}
J_{ij} = \frac{\partial f_i}{\partial x_j}, \qquad J = \begin{bmatrix} \dfrac{\partial f_1}{\partial x_1} & \cdots & \dfrac{\partial f_1}{\partial x_n} \\ \vdots & \ddots & \vdots \\ \dfrac{\partial f_m}{\partial x_1} & \cdots & \dfrac{\partial f_m}{\partial x_n} \end{bmatrix}
H = \nabla^2 f = \begin{pmatrix} f_{xx} & f_{xy} \\ f_{yx} & f_{yy} \end{pmatrix}
f(\mathbf{x} + \Delta\mathbf{x}) \approx f(\mathbf{x}) + \nabla f(\mathbf{x})^{\top} \Delta\mathbf{x} + \tfrac{1}{2} \Delta\mathbf{x}^{\top} H \,\Delta\mathbf{x}
\Delta w_{ij} = -\eta \frac{\partial E}{\partial w_{ij}} + \alpha\, \Delta w_{ij}^{(t-1)}
E = \frac{1}{2} \sum_{p} \sum_{k} \left(t_{pk} - o_{pk}\right)^2
o_j = \varphi\!\left(\sum_{k=1}^{n} w_{kj}\, o_k\right)
\frac{\partial E}{\partial o_j} = \sum_{\ell \in L} \left(\frac{\partial E}{\partial o_\ell} \frac{\partial o_\ell}{\partial \text{net}_\ell} w_{j\ell}\right)
\delta_j = \begin{cases} (o_j - t_j)\, o_j (1 - o_j) & \text{if } j \text{ is an output neuron} \\ \left(\sum_{\ell} w_{j\ell} \delta_\ell\right) o_j (1 - o_j) & \text{if } j \text{ is an inner neuron} \end{cases}
\mathbf{x}^{(k+1)} = \mathbf{x}^{(k)} - \alpha_k \nabla f\!\left(\mathbf{x}^{(k)}\right)
\min_{\mathbf{w}} \; \frac{1}{2}\|\mathbf{w}\|^2 + C \sum_{i=1}^{n} \max\left(0, 1 - y_i\, \mathbf{w}^{\top}\mathbf{x}_i\right)
p(y \mid \mathbf{x}; \theta) = \prod_{k=1}^{K} p_k^{[y = k]}
\log p(\mathcal{D} \mid \theta) = \sum_{i=1}^{N} \log p(x_i \mid \theta)
D_{\mathrm{KL}}(P \,\|\, Q) = \sum_{x} P(x) \log \frac{P(x)}{Q(x)}
H(p) = -\int p(x) \log p(x) \, dx
\mathcal{N}(x; \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}} \exp\left(-\frac{(x - \mu)^2}{2\sigma^2}\right)
\operatorname{Var}[X] = \mathbb{E}\left[X^2\right] - \left(\mathbb{E}[X]\right)^2
P(A \mid B) = \frac{P(B \mid A)\, P(A)}{P(B)}
\hat{\theta}_{\text{MLE}} = \argmax_{\theta} \sum_{i} \log p(x_i \mid \theta)
\hat{\theta}_{\text{MAP}} = \argmax_{\theta} \; p(\theta \mid \mathcal{D})
\mathbf{w}^{*} = \argmin_{\mathbf{w}} \sum_{i=1}^{n} \left(y_i - \mathbf{w}^{\top}\mathbf{x}_i\right)^2 = \left(X^{\top} X\right)^{-1} X^{\top} \mathbf{y}
$ \argmin_x f(x)
$ \theta^\star \in \argmax_{\theta \in \Theta} J(\theta)
# Calculus
\int_a^b f(x)\,dx = F(b) - F(a)
\int_0^\infty e^{-x^2}\,dx = \frac{\sqrt{\pi}}{2}
\iint_D f(x, y)\,dx\,dy
\oint_{\partial S} \mathbf{F} \cdot d\mathbf{r} = \iint_S \left(\nabla \times \mathbf{F}\right) \cdot d\mathbf{S}
\lim_{x \to 0} \frac{\sin x}{x} = 1
\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e
\sum_{n=0}^{\infty} \frac{x^n}{n!} = e^x
\sum_{k=1}^{n} k = \frac{n(n+1)}{2}
\prod_{p \text{ prime}} \frac{1}{1 - p^{-s}} = \sum_{n=1}^{\infty} \frac{1}{n^s}
\frac{d}{dx}\left[ \int_{a}^{x} f(t)\,dt \right] = f(x)
f(x) = \sum_{n=0}^{\infty} \frac{f^{(n)}(a)}{n!} (x - a)^n
\nabla \cdot \mathbf{E} = \frac{\rho}{\varepsilon_0}
\frac{\partial^2 u}{\partial t^2} = c^2 \nabla^2 u
\limsup_{n\to\infty} a_n \ge \liminf_{n\to\infty} a_n
\int\limits_{0}^{1} x^2 \, dx = \frac13
\sum\nolimits_{i} x_i
$ \int_0^1 f
$ \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}
\dot{x} = A x + B u, \qquad \ddot{q} + \omega^2 q = 0
\frac{\mathrm{d}}{\mathrm{d}t} \mathbf{x}(t) = \mathbf{f}\left(\mathbf{x}(t), t\right)
{\rm d}y = f'(x)\,{\rm d}x
# Linear algebra
A = \begin{pmatrix} a_{11} & a_{12} & \cdots & a_{1n} \\ a_{21} & a_{22} & \cdots & a_{2n} \\ \vdots & \vdots & \ddots & \vdots \\ a_{m1} & a_{m2} & \cdots & a_{mn} \end{pmatrix}
\det\begin{vmatrix} a & b \\ c & d \end{vmatrix} = ad - bc
\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix} \begin{bmatrix} x \\ y \end{bmatrix} = \begin{bmatrix} x \\ y \end{bmatrix}
\begin{Bmatrix} 1 \\ 2 \end{Bmatrix} \quad \begin{Vmatrix} u \end{Vmatrix}
\mathbf{v} = \left(\begin{smallmatrix} 1 \\ 0 \end{smallmatrix}\right)
\begin{pmatrix*}[r] -1 & 2 \\ 3 & -4 \end{pmatrix*}
\begin{bmatrix*}[l] a & bb \\ ccc & d \end{bmatrix*}
\begin{matrix*}[c] x & y \end{matrix*} \quad \begin{vmatrix*}[r] 1 & -1 \end{vmatrix*} \quad \begin{Vmatrix*}[l] 2 \end{Vmatrix*} \quad \begin{Bmatrix*}[c] 3 \end{Bmatrix*}
A = U \Sigma V^{\top}, \qquad \Sigma = \operatorname{diag}(\sigma_1, \ldots, \sigma_r)
\langle \mathbf{u}, \mathbf{v} \rangle = \mathbf{u}^{\top} \mathbf{v} = \sum_{i=1}^{n} u_i v_i
\|\mathbf{x}\|_p = \left(\sum_{i} |x_i|^p\right)^{1/p}
A \mathbf{v} = \lambda \mathbf{v}, \qquad \det(A - \lambda I) = 0
\operatorname{rank}(A) + \dim \ker A = n
\mathbf{a} \times \mathbf{b} = \begin{vmatrix} \mathbf{i} & \mathbf{j} & \mathbf{k} \\ a_1 & a_2 & a_3 \\ b_1 & b_2 & b_3 \end{vmatrix}
\left[ \begin{array}{cc|c} 1 & 2 & 3 \\ 4 & 5 & 6 \end{array} \right]
\begin{array}{lcr} \text{left} & \text{center} & \text{right} \\ a & b & c \end{array}
\begin{array}{c:c:c} a & b & c \\ \hline d & e & f \\ \hdashline g & h & i \end{array}
\begin{darray}{rl} x &= 1 \\ y &= \frac{1}{2} \end{darray}
(A B)^{-1} = B^{-1} A^{-1}, \quad (A^{\top})^{\top} = A
I_n = \operatorname{diag}(\underbrace{1, \ldots, 1}_{n})
# Environments
\begin{aligned} f(x) &= (x+1)^2 \\ &= x^2 + 2x + 1 \end{aligned}
\begin{align} a &= b + c \\ d + e &= f \end{align}
\begin{align*} x &= 1 & y &= 2 \\ z &= 3 & w &= 4 \end{align*}
\begin{alignat}{2} 10&x + & 3&y = 2 \\ 3&x + & 13&y = 4 \end{alignat}
\begin{alignedat}{2} a &= b & \quad c &= d \end{alignedat}
\begin{gather} a = b \\ e = b + c \end{gather}
\begin{gathered} a = b \\ c = d \end{gathered}
\begin{equation} E = mc^2 \end{equation}
\begin{equation*} a^2 + b^2 = c^2 \end{equation*}
\begin{equation} \begin{split} a &= b + c \\ &= e + f \end{split} \end{equation}
\begin{split} (a+b)^2 &= a^2 + 2ab + b^2 \end{split}
\begin{align} x &= y \tag{1a} \\ z &= w \notag \end{align}
\begin{gather*} \sum_{i} a_i \\ \prod_{j} b_j \end{gather*}
x = \begin{cases} a & \text{if } b \\ c & \text{if } d \end{cases}
\begin{rcases} a & \text{if } b \\ c & \text{if } d \end{rcases} \Rightarrow \cdots
\begin{dcases} \frac{1}{x} & x > 0 \\ 0 & x = 0 \end{dcases}
\begin{drcases} \int_0^1 f & \text{A} \\ \sum_k g_k & \text{B} \end{drcases}
|x| = \begin{cases} x, & x \geq 0 \\ -x, & x < 0 \end{cases}
\sum_{\substack{0 < i < m \\ 0 < j < n}} P(i, j)
\prod_{\substack{p \le x \\ p \text{ prime}}} p
x^{\begin{subarray}{l} a \\ b \end{subarray}}
\begin{matrix} a & b \cr c & d \end{matrix}
\begin{pmatrix} 1 & 2 \\[4pt] 3 & 4 \end{pmatrix}
x = 1 \tag{3}
y = 2 \tag*{(b)}
# Fractions, roots, binomials
\frac{1}{1 + \frac{1}{1 + \frac{1}{x}}}
\cfrac{1}{1 + \cfrac{1}{1 + \cfrac{1}{x}}}
\dfrac{a}{b} + \tfrac{c}{d} + \frac{e}{f}
\binom{n}{k} = \frac{n!}{k!\,(n-k)!}
\dbinom{n}{2} \quad \tbinom{m}{3}
{n \choose k} + {a \over b} + {x \atop y}
{a \brace b} \quad {a \brack b}
{a \above{2pt} b+1}
\genfrac(]{2pt}{1}{a}{a+1}
\genfrac{}{}{0pt}{}{x}{y}
\sqrt{x^2 + y^2} \quad \sqrt[3]{8} = 2 \quad \sqrt[n]{\frac{a}{b}}
\sqrt{\sqrt{\sqrt{x}}}
\sqrt{\smash[b]{y}}
$ \frac12 \cdot \frac{3}{4}
$ a/b
# Delimiters
\left( \frac{a}{b} \right) \left[ \frac{a}{b} \right] \left\{ \frac{a}{b} \right\}
\left\langle \psi \middle| \phi \right\rangle
\left\lfloor \frac{n}{2} \right\rfloor + \left\lceil \frac{n}{2} \right\rceil = n
\left| x \right| \quad \left\| x \right\| \quad \left\lvert y \right\rvert \quad \left\lVert y \right\rVert
\left. \frac{df}{dx} \right|_{x = 0}
\left( \middle/ \right)
\big( \Big( \bigg( \Bigg( \quad \Bigg) \bigg) \Big) \big)
\bigl[ x \bigr] \quad \Bigl\{ y \Bigr\} \quad \biggl\langle z \biggr\rangle
a \bigm| b \quad a \Bigm\| b
\lparen x \rparen \quad \lbrack y \rbrack \quad \lbrace z \rbrace
\lgroup a \rgroup \quad \lmoustache b \rmoustache
\llbracket x \rrbracket \quad \lBrace y \rBrace
\ulcorner a \urcorner \quad \llcorner b \lrcorner
\lang x \rang \quad \lt y \gt
\left\lgroup \frac ab \right\rgroup
\left\uparrow x \right\downarrow \quad \left\Uparrow y \right\Downarrow \quad \left\updownarrow z \right\Updownarrow
\left\backslash x \right/
\left( \LARGE{AB} \right)
# Accents
a' + a'' + a''' + a^{\prime} + f'(x)
\tilde{a} \quad \widetilde{ac} \quad \mathring{g} \quad \overgroup{AB} \quad \undergroup{AB}
\acute{a} \quad \grave{a} \quad \bar{y} \quad \breve{a} \quad \check{a} \quad \dot{a} \quad \ddot{a} \quad \hat{\theta} \quad \widehat{ac} \quad \widecheck{ac}
\vec{F} \quad \overrightarrow{AB} \quad \overleftarrow{AB} \quad \overleftrightarrow{AB} \quad \Overrightarrow{AB}
\underleftarrow{AB} \quad \underrightarrow{AB} \quad \underleftrightarrow{AB} \quad \utilde{AB}
\overleftharpoon{ac} \quad \overrightharpoon{ac}
\overbrace{a + b + c}^{\text{note}} \quad \underbrace{a + b + c}_{\text{note}}
\overbrace{x_1 + \cdots + x_n}^{n \text{ terms}} = \underbrace{1 + \cdots + 1}_{n}
\text{\'{a} \`{a} \^{a} \~{a} \={a} \u{a} \v{a} \.{a} \"{a} \H{a} \r{a}}
\hat{\mathbf{x}} \quad \bar{\mathbf{y}} \quad \tilde{\boldsymbol{\theta}}
# Letters and Unicode
\Alpha \Beta \Gamma \Delta \Epsilon \Zeta \Eta \Theta \Iota \Kappa \Lambda \Mu
\Nu \Xi \Omicron \Pi \Rho \Sigma \Tau \Upsilon \Phi \Chi \Psi \Omega
\varGamma \varDelta \varTheta \varLambda \varXi \varPi \varSigma \varUpsilon \varPhi \varPsi \varOmega
\alpha \beta \gamma \delta \epsilon \zeta \eta \theta \iota \kappa \lambda \mu \nu \xi \omicron \pi
\rho \sigma \tau \upsilon \phi \chi \psi \omega \varepsilon \varkappa \vartheta \thetasym \varpi \varrho \varsigma \varphi \digamma
\imath \nabla \Im \Reals \jmath \partial \image \wp \aleph \Game \Bbbk \weierp \alef \Finv \N \Z \alefsym \cnums \natnums \beth \Complex \R \gimel \ell \Re \daleth \hbar \real \eth \hslash \reals
Α Β Γ Δ Ε Ζ Η Θ Ι Κ Λ Μ Ν Ξ Ο Π Ρ Σ Τ Υ Φ Χ Ψ Ω
α β γ δ ϵ ζ η θ ι κ λ μ ν ξ π ρ σ τ υ ϕ χ ψ ω ε ϑ ϖ ϱ ς φ ϝ
∂ ∇ ℑ Ⅎ ℵ ℶ ℷ ℸ ⅁ ℏ ð
\text{\OE \o \O \ss \aa \AA \ae \AE \oe \i \j}
\text{ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝÞßàáâãäåçèéêëìíîïðñòóôöùúûüýþÿ}
# Fonts and styles
\mathrm{Ab0} \quad \mathbf{Ab0} \quad \mathit{Ab0} \quad \mathnormal{Ab0} \quad \textbf{Ab0} \quad \textit{Ab0}
\textrm{Ab0} \quad \bf Ab0
\it Ab0
\rm Ab0
\bold{Ab0} \quad \textup{Ab0} \quad \textnormal{Ab0} \quad \boldsymbol{Ab} \quad \Bbb{AB}
\text{Ab0} \quad \bm{Ab0} \quad \mathbb{AB} \quad \mathsf{Ab0} \quad \textmd{Ab0} \quad \frak{Ab0}
\textsf{Ab0} \quad \mathtt{Ab0} \quad \mathfrak{Ab0} \quad \texttt{Ab0} \quad \mathcal{AB0} \quad \mathscr{AB}
\sf Ab0
\tt Ab0
\cal AB0
\textsf{\textbf{H}} \quad \mathsf{\mathbf{H}}
\pmb{\mu} \quad \pmb{x}
\displaystyle\sum_{i=1}^n \quad \textstyle\sum_{i=1}^n
\scriptstyle x \quad \scriptscriptstyle y
\lim\limits_x \quad \lim\nolimits_x
\verb!x^2!
\text{a $\frac{1}{2}$ half}
\Huge AB
\huge AB
\LARGE AB
\Large AB
\large AB
\normalsize AB
\small AB
\footnotesize AB
\scriptsize AB
\tiny AB
a {\large b} c {\small d} e
# Colour
\color{blue} F=ma
\textcolor{blue}{F=ma}
\textcolor{#228B22}{F=ma}
\colorbox{aqua}{$F=ma$}
\fcolorbox{red}{aqua}{$F=ma$}
\textcolor{228B22}{x} \quad \textcolor{#f0a}{y}
a + {\color{red} b + c} + d
\color{orange} \frac{\partial E}{\partial w} \color{black} = 0
\textcolor{purple}{\boxed{x + y}}
\colorbox{yellow}{text with $x^2$ math}
# Layout
\cancel{5} \quad \bcancel{5} \quad \xcancel{ABC} \quad \sout{abc}
\boxed{\pi = \frac{c}{d}}
a_{\angl n} \quad a_\angln \quad \phase{-78^\circ}
\not = \quad \not\in \quad \not\equiv \quad \not\subset
\stackrel{!}{=} \quad \overset{!}{=} \quad \underset{!}{=}
x_n \quad e^x
_u^o
a \atop b
a\raisebox{0.25em}{$b$}c
a + \left(\vcenter{\hbox{$\frac{\frac a b}c$}}\right)
{=}\mathllap{/\,}
\mathrlap{\,/}{=}
\left(x^{\smash{2}}\right)
\displaystyle\sum_{\mathclap{1\le i\le j\le n}} x_{ij}
\phantom{abc} x \quad \hphantom{abc} y \quad \vphantom{\frac12} z
a\rlap{b}c \quad a\llap{b}c \quad a\clap{b}c
a \mathstrut b
\fbox{a box}
\rule{1em}{1em} \quad \rule[0.5em]{2em}{1pt}
x \mathbin{\#} y \quad x \mathrel{\square} y \quad \mathopen{[} x \mathclose{]} \quad \mathpunct{;} \quad \mathord{+} \quad \mathinner{x}
\mathop{\rm Res}_{z = 0} f(z)
\mathop{\sum}\nolimits_{i}
\operatorname{f}(x) \quad \operatorname*{f}_{x}
\operatornamewithlimits{ess\,sup}_{x \in X} |f(x)|
# Spacing
a\!b \quad a\,b \quad a\thinspace b \quad a\>b \quad a\:b \quad a\medspace b \quad a\;b \quad a\thickspace b
a\enspace b \quad a\quad b \quad a\qquad b \quad a~b \quad a\ b \quad a\nobreakspace b \quad a\space b
a\negthinspace b \quad a\negmedspace b \quad a\negthickspace b
a\kern{1em}b \quad a\mkern{18mu}b \quad a\mskip{18mu}b \quad a\hskip{1em}b \quad a\hspace{1em}b \quad a\hspace*{1em}b
a\kern1em b \quad a\kern 2pt b \quad a\mkern-3mu b
a \hspace{1cm} b \quad a \hspace{5mm} b \quad a \hspace{0.5in} b \quad a \hspace{12bp} b \quad a \hspace{1pc} b \quad a \hspace{10dd} b
a \hspace{1cc} b \quad a \hspace{1nd} b \quad a \hspace{1nc} b \quad a \hspace{65536sp} b \quad a \hspace{2ex} b \quad a \hspace{10px} b
# Logic and sets
\forall x \in A, \ \exists y \in B : x < y
A \subset B \subseteq C \subsetneq D \supset E \supseteq F \supsetneq G
A \cup B \cap C \setminus D \smallsetminus E
\neg p \lor q \land r \implies s \iff t \impliedby u
\emptyset \ne \varnothing \quad \complement A \quad x \notin A \quad B \ni y \quad C \owns z \quad \notni
\therefore a \quad \because b \quad \exist c \quad \nexists d \quad \isin e
\{ x \in \mathbb{R} \mid x > 0 \}
\set{x \mid x > 0} \quad \Set{ x | x > 0 }
\bigcup_{i=1}^{n} A_i \quad \bigcap_{i=1}^{n} B_i \quad \bigsqcup_i C_i \quad \biguplus_j D_j
# Operators
\sum \quad \prod \quad \bigotimes \quad \bigvee \quad \int \quad \coprod \quad \bigoplus \quad \bigwedge
\iint \quad \intop \quad \bigodot \quad \bigcap \quad \iiint \quad \smallint \quad \biguplus \quad \bigcup \quad \oint \quad \oiint \quad \oiiint \quad \bigsqcup
∫ ∬ ∭ ∮ ∏ ∐ ∑ ⋀ ⋁ ⋂ ⋃ ⨀ ⨁ ⨂ ⨄ ⨆
a + b - c / d * e \cdot f \cdotp g \centerdot h \circ i \amalg j \And k \ast l \barwedge m
x \pmod a \quad x \pod a \quad a \bmod b \quad x \mod a
\arcsin \arccos \arctan \arctg \arcctg \arg \ch \cos \cosec \cosh \cot \cotg \coth \csc \ctg \cth
\deg \dim \exp \hom \ker \lg \ln \log \sec \sin \sinh \sh \tan \tanh \tg \th
\argmax \argmin \det \gcd \inf \injlim \lim \liminf \limsup \max \min \plim \Pr \projlim \sup
\varinjlim \varliminf \varlimsup \varprojlim
\sin^2 x + \cos^2 x = 1
\log_2 8 = 3 \quad \ln e = 1 \quad \exp(0) = 1
\gcd(a, b) \cdot \operatorname{lcm}(a, b) = ab
\det(A) \ne 0 \iff A \text{ invertible}
\Pr[X > t] \le \frac{\mathbb{E}[X]}{t}
\sup_{x \in S} f(x) \quad \inf_{x \in S} f(x)
# Relations
= < > : \approx \approxeq \asymp \backsim \backsimeq \bumpeq \Bumpeq \circeq \cong \curlyeqprec \curlyeqsucc
\dashv \doteq \Doteq \doteqdot \eqcirc \eqsim \eqslantgtr \eqslantless \equiv \fallingdotseq \frown \ge \geq \geqq \geqslant
\gg \ggg \gggtr \gt \gtrapprox \gtreqless \gtreqqless \gtrless \gtrsim \imageof \in \Join \le \leq \leqq \leqslant
\lessapprox \lesseqgtr \lesseqqgtr \lessgtr \lesssim \ll \lll \llless \lt \mid \models \multimap \origof \owns \parallel
\perp \pitchfork \prec \precapprox \preccurlyeq \preceq \precsim \propto \risingdotseq \shortmid \shortparallel \sim \simeq \smallfrown \smallsmile
\smile \sqsubset \sqsubseteq \sqsupset \sqsupseteq \Subset \subset \subseteq \subseteqq \succ \succapprox \succcurlyeq \succeq \succsim \Supset
\supset \supseteq \supseteqq \thickapprox \thicksim \trianglelefteq \triangleq \trianglerighteq \varpropto \vartriangle \vartriangleleft \vartriangleright \vdash \vDash \Vdash \Vvdash
\gnapprox \gneq \gneqq \gnsim \gvertneqq \lnapprox \lneq \lneqq \lnsim \lvertneqq \ne \neq \ngeq \ngeqq \ngeqslant
\ngtr \nleq \nleqq \nleqslant \nless \nmid \notin \nparallel \nprec \npreceq \nshortmid \nshortparallel \nsim \nsubseteq \nsubseteqq
\nsucc \nsucceq \nsupseteq \nsupseteqq \ntriangleleft \ntrianglelefteq \ntriangleright \ntrianglerighteq \nvdash \nvDash \nVDash \nVdash \precnapprox \precneqq \precnsim
\subsetneq \subsetneqq \succnapprox \succneqq \succnsim \supsetneq \supsetneqq \varsubsetneq \varsubsetneqq \varsupsetneq \varsupsetneqq
∈ ∋ ∝ ∼ ∽ ≂ ≃ ≅ ≈ ≊ ≍ ≎ ≏ ≐ ≑ ≒ ≓ ≖ ≗ ≜ ≡ ≤ ≥ ≦ ≧ ≫ ≬ ≳ ≷ ≺ ≻ ≼ ≽ ≾ ≿ ⊂ ⊃ ⊆ ⊇ ⊏ ⊐ ⊑ ⊒ ⊢ ⊣ ⊩ ⊪ ⊸ ⋈ ⋍ ⋐ ⋑ ⋔ ⋙ ⋛ ⋞ ⋟ ⌢ ⌣ ⩾ ⪆ ⪌ ⪕ ⪖ ⪯ ⪰ ⪷ ⪸ ⫅ ⫆ ≲ ⩽ ⪅ ≶ ⋚ ⪋ ⊨ ⊶ ⊷
∉ ∌ ∤ ∦ ≁ ≆ ≠ ≨ ≩ ≮ ≯ ≰ ≱ ⊀ ⊁ ⊈ ⊉ ⊊ ⊋ ⊬ ⊭ ⊮ ⊯ ⋠ ⋡ ⋦ ⋧ ⋨ ⋩ ⋬ ⋭ ⪇ ⪈ ⪉ ⪊ ⪵ ⪶ ⪹ ⪺ ⫋ ⫌
# Arrows
\circlearrowleft \circlearrowright \curvearrowleft \curvearrowright \Darr \dArr \darr \dashleftarrow \dashrightarrow \downarrow \Downarrow \downdownarrows \downharpoonleft \downharpoonright
\gets \Harr \hArr \harr \hookleftarrow \hookrightarrow \iff \impliedby \implies \Larr \lArr \larr \leadsto \leftarrow \Leftarrow \leftarrowtail
\leftharpoondown \leftharpoonup \leftleftarrows \leftrightarrow \Leftrightarrow \leftrightarrows \leftrightharpoons \leftrightsquigarrow \Lleftarrow \longleftarrow \Longleftarrow \longleftrightarrow \Longleftrightarrow \longmapsto
\longrightarrow \Longrightarrow \looparrowleft \looparrowright \Lrarr \lrArr \lrarr \Lsh \mapsto \nearrow \nleftarrow \nLeftarrow \nleftrightarrow \nLeftrightarrow \nrightarrow
\nRightarrow \nwarrow \Rarr \rArr \rarr \restriction \rightarrow \Rightarrow \rightarrowtail \rightharpoondown \rightharpoonup \rightleftarrows \rightleftharpoons \rightrightarrows \rightsquigarrow
\Rrightarrow \Rsh \searrow \swarrow \to \twoheadleftarrow \twoheadrightarrow \Uarr \uArr \uarr \uparrow \Uparrow \updownarrow \Updownarrow \upharpoonleft \upharpoonright \upuparrows
← ↑ → ↓ ↔ ↕ ↖ ↗ ↘ ↙ ↚ ↛ ↞ ↠ ↢ ↣ ↦ ↩ ↪ ↫ ↬ ↭ ↮ ↰ ↱ ↶ ↷ ↺ ↻ ↼ ↽ ↾ ↿ ⇀ ⇁ ⇂ ⇃ ⇄ ⇆ ⇇ ⇈ ⇉ ⇊ ⇋ ⇌ ⇍ ⇎ ⇏ ⇐ ⇑ ⇒ ⇓ ⇔ ⇕ ⇚ ⇛ ⇝ ⇠ ⇢ ⟵ ⟶ ⟷ ⟸ ⟹ ⟺ ⟼
\xleftarrow{abc} \quad \xrightarrow[under]{over} \quad \xLeftarrow{abc} \quad \xRightarrow{abc}
\xleftrightarrow{abc} \quad \xLeftrightarrow{abc} \quad \xhookleftarrow{abc} \quad \xhookrightarrow{abc}
\xtwoheadleftarrow{abc} \quad \xtwoheadrightarrow{abc} \quad \xleftharpoonup{abc} \quad \xrightharpoonup{abc}
\xleftharpoondown{abc} \quad \xrightharpoondown{abc} \quad \xleftrightharpoons{abc} \quad \xrightleftharpoons{abc}
\xtofrom{abc} \quad \xmapsto{abc} \quad \xlongequal{abc}
A \xrightarrow[\text{forward}]{f} B \xleftarrow[\text{backward}]{\partial f} C
x \xrightarrow{\ \mathrm{softmax}\ } p
# Braket
\bra{\phi} \quad \ket{\psi} \quad \braket{\phi\vert\psi} \quad \Bra{\phi} \quad \Ket{\psi}
\braket{\phi | \hat{H} | \psi} \quad \Braket{ \phi | \frac{\partial^2}{\partial t^2} | \psi }
# Symbols and punctuation
\% \quad \# \quad \& \quad \_ \quad \text{\textunderscore} \quad \text{--} \quad \text{\textendash} \quad \text{---} \quad \text{\textemdash}
\dots \quad \cdots \quad \ddots \quad \ldots \quad \vdots \quad \dotsb \quad \dotsc \quad \dotsi \quad \dotsm \quad \dotso \quad \sdot \quad \mathellipsis
\KaTeX \quad \LaTeX \quad \TeX \quad \nabla \quad \infty \quad \infin \quad \checkmark \quad \dag \quad \dagger \quad \ddag \quad \ddagger \quad \Dagger
\text{\textasciitilde} \quad \text{\textasciicircum} \quad ` \quad \text{\textellipsis} \quad \text{\textdaggerdbl} \quad \text{\textquoteleft} \quad \lq \quad \text{\textquoteright}
\Box \quad \square \quad \blacksquare \quad \triangle \quad \triangledown \quad \triangleleft \quad \triangleright \quad \bigtriangledown \quad \bigtriangleup \quad \blacktriangle \quad \blacktriangledown
\angle \quad \measuredangle \quad \sphericalangle \quad \top \quad \bot \quad \$ \quad \text{\textdollar} \quad \pounds \quad \mathsterling \quad \text{\textsterling} \quad \yen
\colon \quad \backprime \quad \prime \quad \text{\textless} \quad \text{\textgreater} \quad \text{\textbar} \quad \text{\textbardbl} \quad \text{\textbraceleft} \quad \text{\textbraceright}
\blacktriangleleft \quad \blacktriangleright \quad \surd \quad \diamond \quad \Diamond \quad \lozenge \quad \blacklozenge \quad \star \quad \bigstar \quad \degree \quad \text{\textdegree} \quad \mho
\text{\textbackslash} \quad \text{\P} \quad \text{\S} \quad \text{\sect} \quad \copyright \quad \circledR \quad \text{\textregistered} \quad \circledS \quad \text{\textcircled a}
\clubsuit \quad \clubs \quad \diamondsuit \quad \diamonds \quad \spadesuit \quad \spades \quad \heartsuit \quad \hearts \quad \maltese \quad \minuso \quad \diagdown \quad \diagup \quad \flat \quad \natural \quad \sharp
£ ¥ ∇ ∞ · ∠ ∡ ∢ ♠ ♡ ♢ ♣ ♭ ♮ ♯ ✓ … ⋮ ⋯ ⋱ !
# Macros
\def\foo{x^2} \foo + \foo
\gdef\bar#1{#1^2} \bar{y} + \bar{y}
\def\pair#1#2{\langle #1, #2 \rangle} \pair{a}{b}
\newcommand{\E}{\mathbb{E}} \E[X]
\newcommand\Norm[1]{\left\lVert #1 \right\rVert} \Norm{x}
\renewcommand{\vec}[1]{\mathbf{#1}} \vec{v}
\providecommand{\abs}[1]{\lvert #1 \rvert} \abs{x}
\let\eps\varepsilon \eps
\def\RR{\mathbb{R}} f : \RR^n \to \RR
\newcommand{\pdd}[2]{\frac{\partial #1}{\partial #2}} \pdd{L}{w} = \pdd{L}{y} \pdd{y}{w}
\char"263a \quad \char`A \quad \char98
\mathchoice{D}{T}{S}{SS}
\TextOrMath{text}{math}
\relax x
# Units
\rule{1em}{1em} \quad \rule{18mu}{18mu} \quad \rule{10pt}{10pt}
"""##
}
