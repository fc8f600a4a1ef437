#!/usr/bin/env python3
"""Writes english-stems.tsv (word<TAB>stem, sorted): the vectors that EnglishStemmerTests.swift and
Tests/Browser/search_stem_test.mjs check the Swift and JavaScript English stemmers against.

Needs `pip install snowballstemmer` (the reference stems). Run from the repository root:
    python3 Tests/SitegenSearchTests/Fixtures/make-english-stems.py
Words: content/**/*.md, ../shared/seed/* and a sample of /usr/share/dict/words (Debian: wamerican) when
present, plus the hand-made lists below. Words with anything but a-z and ' keep stem = word: that is the
stemmers' contract, whatever snowballstemmer does with them.
"""
import pathlib, re, zlib
import snowballstemmer

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]

# Every rule and exception of the algorithm, with near misses.
HAND = """
skis skies skied idly gently gentle ugly uglier early earlier only singly single sky news newsy howe atlas
atlases cosmos bias biases andes dying lying tying vying eying flying crying ying yying
succeed succeeded succeeding proceed proceeds exceed exceedingly agreed agreedly feed freed guaranteed needed
indeed bleed bleeding speed deeds even evening evenings canning cannings inning innings earring herring herrings
outing outings gener genera general generate generation generous generously generic commun communism
communication community commune communal arsen arsenal arsenals arsenic past paste pasted pasting pastes pastime
pasta pastor univers universe universal university later lateral laterally emerg emerge emerged emergency
emergent organ organs organic organism organize organization inter interest interesting internal interval
international 'quoted' dog's dogs' 's o'neill it's don't can't 'twas ''s rock'n'roll ma'am y'all 'tis james's
' '' ''' youth yes yellow say saying sayings toy toys player played playing boy enjoy enjoyed enjoying yearly
happy happiness happily cry cries cried by bye fly flies lay layer joy joyful ayyy yy yyy yay royal royalty
buying bayonet yoyo kayak caresses ponies ties tie gas gaps kiwis this us bus plus gasses ass corpus is was its
cactus status chaos lens ios abyss species series studies died tied lied hoped hoping hopped hopping hopeful
hope controlled controlling controllably luxuriated luxuriating troubled troubling sized sizing filed filing
filled filling failed failing added egged offed erred ebbed inned fizzed falling hissing fizzing tanned
planned conferred bled sped shed red bed need owed owing snowed boxed taxed sewed wasted hated rated dated
ringing sing king thing nothing string spring bring wedding cooking reportedly supposedly allegedly
surprisingly amazingly seemingly knowingly dry try trying tried merry marry ally supply apply relational
conditional rational valency hesitancy digitizer conformably radically differently vilely analogously
predication operator feudalism decisiveness hopefulness callousness formality sensitivity sensibility
archaeology analogist geologist biologist biology analogy apology trilogy heartlessly fully cheerfully
carefully usefulness lively quickly nicely gladly badly truly duly entirely fairly dangerously extremely
probably possibly visibly notably comfortably triplicate formative formalize electricity electrical
electrically historical practically sensational additional rationale alternative creative talkative negative
relative generative informative derivative demonstrative revival allowance inference airliner gyroscopic
adjustable defensible irritant replacement adjustment dependent adoption homologous activate effective
bowdlerize abandonment element cement statement government management position decision question union onion
champion nation action mission fusion vision probate rate cease controll roll fall call install fulfill well
bell tell spell compile debate complete base case note type make take more here there where be see free tree
agree a an at do go he hi if in it me my no of oh ok on or so to up we ye ax ox consign consigned consigning
consignment consist consisted consistency consistent consistently consisting consists consolation
consolations consolatory console consoled consoles consolidate consolidated consolidating consoling
consolingly consols consonant consort consorted consorting conspicuous conspicuously conspiracy conspirator
conspirators conspire conspired conspiring constable constables constance constancy constant knack knackeries
knacks knag knave knaves knavish kneaded kneading knee kneel kneeled kneeling kneels knees knell knelt knew
knick knif knife knight knightly knights knit knits knitted knitting knives knob knobs knock knocked knocker
knockers knocking knocks knopp knot knots bonus campus virus viruses census focus focuses thus class classes
business businesses access process processes less unless snow bowed frayed fixed mixed sewing rowing flowing
taxing constructor prototype tostring valueof
""".split()
# Not a-z: stem = word.
UNCHANGED = "2024 café naïve résumé straße 日本語 x86 mp3 h2o co-op e.g. iPhone Running".split()
# Step suffixes, each tried on a few dictionary words that end in it.
SUFFIXES = """ies ied sses ss us s 's eed eedly ed edly ing ingly at bl iz y tional enci anci abli entli izer
ization ational ation ator alism aliti alli fulness fulli ousli ousness iveness iviti biliti bli ogi ogist
lessli li alize icate iciti ical ful ness ative al ance ence er ic able ible ant ement ment ent ism ate iti ous
ive ize sion tion e ll""".split()


def words_in(paths):
    for path in paths:
        yield from re.findall(r"[a-z][a-z']*", path.read_text(encoding="utf-8", errors="replace").lower())


def main():
    words = set(HAND)
    words.update(words_in(sorted(REPO.glob("content/**/*.md"))))
    words.update(words_in(sorted(p for p in (REPO.parent / "shared/seed").glob("*") if p.is_file())))
    dictionary = pathlib.Path("/usr/share/dict/words")
    if dictionary.exists():
        entries = {w.lower() for w in dictionary.read_text(encoding="utf-8").split()}
        entries = sorted((w for w in entries if re.fullmatch(r"[a-z']+", w)), key=lambda w: (zlib.crc32(w.encode()), w))
        words.update(w for w in entries if zlib.crc32(w.encode()) % 50 == 0)
        for suffix in SUFFIXES:
            words.update([w for w in entries if w.endswith(suffix)][:8])
    stemmer = snowballstemmer.stemmer("english")
    rows = {w: stemmer.stemWord(w) for w in words if re.fullmatch(r"[a-z']+", w)}
    rows.update({w: w for w in UNCHANGED})
    with open(HERE / "english-stems.tsv", "w", encoding="utf-8") as out:
        out.writelines(f"{w}\t{rows[w]}\n" for w in sorted(rows))
    print(f"{len(rows)} words")


main()
