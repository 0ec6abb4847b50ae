#!/usr/bin/env python3
"""Generate PEP 440 / PEP 508 test vectors, judged by pip's vendored packaging 21.3.

Deterministic (fixed seed). Writes JSON Lines into tests/PipelineGuard.Tests/Vectors/pep440/ and .../pep508/.
Run from anywhere:  python3 tools/oracles/pep_vectors.py
See tools/oracles/README.md ("PEP 440 / PEP 508") for the deliberate deviations from packaging 21.3.
"""
import json
import os
import random
import sys
import warnings

warnings.simplefilter("ignore")  # LegacyVersion / LegacySpecifier deprecation warnings

from pip._vendor import packaging as _packaging  # noqa: E402
from pip._vendor.packaging.markers import InvalidMarker, Marker  # noqa: E402
from pip._vendor.packaging.requirements import Requirement  # noqa: E402
from pip._vendor.packaging.specifiers import LegacySpecifier, Specifier, SpecifierSet  # noqa: E402
from pip._vendor.packaging.version import InvalidVersion, Version  # noqa: E402

assert _packaging.__version__ == "21.3", _packaging.__version__

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT440 = os.path.join(ROOT, "tests", "PipelineGuard.Tests", "Vectors", "pep440")
OUT508 = os.path.join(ROOT, "tests", "PipelineGuard.Tests", "Vectors", "pep508")

rng = random.Random(440508)

# ---------------------------------------------------------------- versions

EDGE_VERSIONS = [
    "1.0", "1.0.0", "1", "0", "00", "1.0.0.0.0", "01.02.03", "1!1.0", "0!1.0", "1!0", "v1.0", "V1.0", " 1.0 ", "\t1.0\n",
    "1.0a", "1.0a1", "1.0A1", "1.0alpha1", "1.0ALPHA", "1.0-a1", "1.0_a_1", "1.0.a.1", "1.0b2", "1.0beta2", "1.0c1",
    "1.0rc1", "1.0pre1", "1.0preview1", "1.0-preview-1", "1.0rc", "1.0.post1", "1.0-1", "1.0post", "1.0.post",
    "1.0-post-1", "1.0_post_1", "1.0rev1", "1.0r1", "1.0-r", "1.0.dev", "1.0.dev0", "1.0dev1", "1.0-dev-1", "1.0_dev_1",
    "1.0a1.dev1", "1.0a1.post1.dev1", "1.0.post1.dev1", "1.0+local", "1.0+LOCAL.1", "1.0+1.2.3", "1.0+abc-def_ghi",
    "1.0+0001", "1.0+a.1", "1.0+1.a", "1.0+ubuntu-1", "1.0.99999999999999999999", "99999999999999999999999!1",
    "1.0a99999999999999999999", "1.0a.", "1.0a-1", "1.0a.post1", "1.0.0a0", "1.0+k", "1.0+\u212a", "1.0+\u017f",
    "1.0.po\u017ft1", "1.0prev\u0131ew1", "1.0prev\u0130ew1", "1.0\u00a0", "\u30001.0", "1.0\x1c", "2.0.0rc1+cuda11.8",
    "1.11.0+cu113", "0.0.1.dev123456", "2!1.0.post1.dev3+a.b.c", "1.0-1-1", "1.0.0-a.1",
]

INVALID_VERSIONS = [
    "", " ", "latest", "1.0-", "1.0.", "1..0", ".1", "1.0+", "1.0+a..b", "1.0+-a", "1!", "!1", "1.0a1a1", "1.0.post1-1",
    "1.0-SNAPSHOT", "1.0 1", "1,0", "1.0~rc1", "1.0*", "1.0.*", "v", "vv1", "1.0dev-", "1.0+a+b", "=1.0", "1.0\u0663",
    "\u0661.0", "1.0\u200b", "{{version}}", "${VERSION}", "1.0+\u00e9", "1.0rc1.rc2", "1.0a1b1", "1.0 +local",
    "1.0_+local", "1.0+local_", "٣", "1.0\n1", "x1.0", "1.0x",
]

SEPS = ["", ".", "-", "_"]
PRE_SPELL = ["a", "b", "c", "rc", "alpha", "beta", "pre", "preview", "A", "Alpha", "RC", "Pre", "PREVIEW", "BETA"]
POST_SPELL = ["post", "rev", "r", "POST", "Rev", "R"]


def rnum(small=False):
    r = rng.random()
    if small or r < 0.6:
        return str(rng.randint(0, 3))
    if r < 0.75:
        return str(rng.randint(0, 20))
    if r < 0.85:
        return "0" * rng.randint(1, 3) + str(rng.randint(0, 9))
    if r < 0.95:
        return str(rng.randint(100, 20240101))
    return str(rng.randint(10**18, 10**30))


def rversion(canonical_bias=0.5):
    """A random (mostly) valid version string in any spelling."""
    plain = rng.random() < canonical_bias
    parts = []
    if rng.random() < 0.05:
        parts.append(rng.choice(["v", "V"]))
    if rng.random() < 0.1:
        parts.append(rnum(small=True) + "!")
    parts.append(".".join(rnum() for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))))
    if rng.random() < 0.3:
        if plain:
            parts.append(rng.choice(["a", "b", "rc"]) + rnum(small=True))
        else:
            n = rng.choice(["", rnum(small=True)])
            parts.append(rng.choice(SEPS) + rng.choice(PRE_SPELL) + (rng.choice(SEPS) if n else "") + n)
    if rng.random() < 0.25:
        if plain:
            parts.append(".post" + rnum(small=True))
        elif rng.random() < 0.3:
            parts.append("-" + str(rng.randint(0, 5)))
        else:
            n = rng.choice(["", rnum(small=True)])
            parts.append(rng.choice(SEPS) + rng.choice(POST_SPELL) + (rng.choice(SEPS) if n else "") + n)
    if rng.random() < 0.2:
        if plain:
            parts.append(".dev" + rnum(small=True))
        else:
            n = rng.choice(["", rnum(small=True)])
            parts.append(rng.choice(SEPS) + rng.choice(["dev", "DEV", "Dev"]) + (rng.choice(SEPS) if n else "") + n)
    if rng.random() < 0.15:
        segs = [rng.choice(["1", "2", "01", "abc", "ubuntu", "cu113", "A", "z", "0"]) for _ in range(rng.randint(1, 3))]
        sep = "." if plain else rng.choice(".-_")
        parts.append("+" + sep.join(segs))
    text = "".join(parts)
    if not plain and rng.random() < 0.05:
        text = rng.choice([" ", "\t", "\n"]) + text + rng.choice(["", " ", "\r\n"])
    return text


def mutate(text):
    """A small random edit: most results are invalid, some stay valid in surprising ways."""
    alphabet = "0123456789.-_+!abcdeprstvzAPR *=,;()[]@~<>'\"\t\u00e9\u0131\u017f"
    text = list(text)
    for _ in range(rng.randint(1, 2)):
        op = rng.random()
        pos = rng.randint(0, len(text))
        if op < 0.4:
            text.insert(pos, rng.choice(alphabet))
        elif op < 0.7 and text:
            del text[min(pos, len(text) - 1)]
        elif text:
            text[min(pos, len(text) - 1)] = rng.choice(alphabet)
    return "".join(text)


def try_version(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def related(v):
    """A version close to v: same release with other suffixes, or one number changed."""
    base = ".".join(str(x) for x in v.release)
    r = rng.random()
    if r < 0.3:
        rel = list(v.release)
        i = rng.randrange(len(rel))
        rel[i] = max(0, rel[i] + rng.choice([-1, 0, 1]))
        if rng.random() < 0.3:
            rel.append(0)
        base = ".".join(str(x) for x in rel)
    suffix = rng.choice(["", "", "a1", "b2", "rc1", ".post1", ".dev0", "a1.dev1", ".post1.dev1", "+local", "+1", "a0", ".post0"])
    epoch = f"{v.epoch}!" if v.epoch and rng.random() < 0.9 else ""
    return epoch + base + suffix


def cmp(a, b):
    return (a > b) - (a < b)


def gen_versions():
    rows = []
    pool = []
    for text in EDGE_VERSIONS:
        pool.append(text)
    while len(pool) < 3000:
        pool.append(rversion())
    valid = [(t, try_version(t)) for t in pool]
    valid = [(t, v) for t, v in valid if v is not None]
    # Comparisons: pairs of close versions (so ordering rules are exercised) and some random pairs.
    for _ in range(6000):
        ta, va = rng.choice(valid)
        if rng.random() < 0.7:
            tb = related(va) if rng.random() < 0.7 else rversion()
            vb = try_version(tb)
            if vb is None:
                continue
        else:
            tb, vb = rng.choice(valid)
        rows.append({"a": ta, "b": tb, "na": str(va), "nb": str(vb), "cmp": cmp(va, vb)})
    props = []
    for t, v in valid:
        props.append({
            "v": t, "n": str(v), "public": v.public, "base": v.base_version, "pre": v.is_prerelease,
            "post": v.is_postrelease, "dev": v.is_devrelease, "local": v.local,
        })
    invalid = list(INVALID_VERSIONS)
    for _ in range(1500):
        invalid.append(mutate(rng.choice(pool)))
    for t in invalid:
        v = try_version(t)
        if v is None:
            props.append({"v": t, "invalid": True})
        else:
            props.append({"v": t, "n": str(v), "public": v.public, "base": v.base_version, "pre": v.is_prerelease,
                          "post": v.is_postrelease, "dev": v.is_devrelease, "local": v.local})
    return rows, props


# ---------------------------------------------------------------- specifiers

OPS = ["==", "!=", "<=", ">=", "<", ">", "~=", "==="]


def rspec():
    op = rng.choice(OPS)
    v = rversion(canonical_bias=0.8)
    if op in ("==", "!=") and rng.random() < 0.35:
        v = ".".join(v.split("+")[0].split(".")[: rng.randint(1, 3)]) + ".*"
    if op == "~=" and "." not in v.split("+")[0] and rng.random() < 0.8:
        v = v + ".0"
    space = rng.choice(["", "", "", " "])
    return op + space + v


def spec_set_status(text):
    """(valid, SpecifierSet or None) with our deviations: legacy specifiers and empty '===' are invalid."""
    try:
        s = SpecifierSet(text)
    except Exception:  # noqa: BLE001 - InvalidSpecifier
        return False, None
    for sp in s:
        if isinstance(sp, LegacySpecifier) or not isinstance(sp, Specifier):
            return False, None
        if sp.operator == "===" and sp.version == "":
            return False, None
    return True, s


def gen_specifiers():
    rows = []
    edge = ["", ">=1.0", "==1.0.*", "!=1.0.*", "~=1.4.5", "~=1.4", "~=v1.0", "~=01.02", "==1.0+local", "==1.0", "===1.0",
            "===foo", "===", ">1.0", "<1.0", ">1.0.post1", "<1.0rc1", ">=1.0a1", "<=2.0.dev1", "==1.0a1.*", "==1.0a.*",
            "==1.0-1.*", "==V1.0.*", "==1.0RC1.*", "~=1.0.POST1", ">=1.0, <2.0", ">=1.0,,<2", " , ", ">= 1.0 , < 2", "==1.0,==1.0.0",
            ">=1.0,!=1.5.*,<2", "=1.0", "==", ">=abc", "==1.0.dev1.*", "==1!1.0.*", "~=1!2.0", "<1!0", "~=2.2.post3",
            "~=1.0a1", "~=1.0.dev1", "==1.0.0.*", "!=1.0.0.0.*", "===1.0+LOCAL", "== 1.0 ", "==1.0,", ">=1.0;", "<2.0 ,>=1"]
    sets = list(edge)
    while len(sets) < 900:
        n = rng.choice([1, 1, 2, 2, 3])
        sep = rng.choice([",", ",", ", ", " ,"])
        text = sep.join(rspec() for _ in range(n))
        if rng.random() < 0.15:
            text = mutate(text)
        sets.append(text)
    count = 0
    for text in sets:
        ok, s = spec_set_status(text)
        if not ok:
            rows.append({"spec": text, "invalid": True})
            continue
        rows.append({"spec": text, "str": str(s), "prereleases": s.prereleases})
        versions = []
        for sp in s:
            base = try_version(sp.version.replace(".*", "")) or try_version("1.0")
            for _ in range(4):
                versions.append(related(base))
        for _ in range(3):
            versions.append(rversion(canonical_bias=0.7))
        for vt in versions:
            v = try_version(vt)
            if v is None:
                continue
            rows.append({"spec": text, "v": vt, "pre": None, "expected": s.contains(v)})
            rows.append({"spec": text, "v": vt, "pre": True, "expected": s.contains(v, prereleases=True)})
            count += 2
    return rows, count


# ---------------------------------------------------------------- requirements and markers

NAMES = ["numpy", "scikit-learn", "azureml-core", "Django", "zope.interface", "ruamel.yaml", "A", "a1", "my_pkg",
         "My.Weird__Name", "x-", "-x", "foo..bar", "foo.-_bar", "9lives", "py", "tensorflow-gpu", "b\u00e9b\u00e9",
         "foo bar", "_private", "Foo-Bar.Baz_Qux"]
VARIABLES = ["python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
             "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
             "implementation_version", "extra", "os.name", "sys.platform", "platform.version", "platform.machine",
             "platform.python_implementation", "python_implementation"]
MARKER_OPS = ["==", "!=", "<", "<=", ">", ">=", "~=", "===", "in", "not in"]
VALUES = ["3.8", "3.10", "3.11", "2.7", "3", "3.12.0rc1", "3.8.*", "linux", "win32", "darwin", "posix", "nt", "CPython",
          "PyPy", "x86_64", "aarch64", "Linux", "Windows", "cpython", "test", "gpu", "5.15.0", "a b", "", "1.0.0",
          "3.8.10", "lin", "\\t", "it's"]


def quote(value):
    if "'" in value:
        return '"' + value + '"'
    if '"' in value:
        return "'" + value + "'"
    q = rng.choice(["'", '"'])
    close = q if rng.random() < 0.97 else ("'" if q == '"' else '"')
    return q + value + close


def rmarker_item():
    var = rng.choice(VARIABLES)
    op = rng.choice(MARKER_OPS)
    val = quote(rng.choice(VALUES))
    sp = rng.choice(["", " ", " ", "  "])
    if rng.random() < 0.15:
        return val + sp + op + sp + var
    return var + sp + op + sp + val


def rmarker(depth=0):
    items = []
    for i in range(rng.choice([1, 1, 2, 3])):
        if i:
            items.append(rng.choice([" and ", " or ", " and ", "and", " or\t"]))
        if depth < 2 and rng.random() < 0.2:
            items.append("(" + rng.choice(["", " "]) + rmarker(depth + 1) + rng.choice(["", " "]) + ")")
        else:
            items.append(rmarker_item())
    return "".join(items)


def rurl():
    return rng.choice([
        "https://example.com/pkg-1.0.tar.gz", "http://h/x.whl", "git+https://github.com/o/r.git@v1.0#egg=r",
        "file:///tmp/x.whl", "file:/tmp/x.whl", "FILE:///x", "file:///x?", "file://host/share/x", "ftp://a/b",
        "https://[::1]/x", "https://[bad/x", "https://user:pw@host:8080/p?q=1#frag", "./relative/path", "/abs/path",
        "C:\\\\path\\\\pkg.whl", "http:/nohost", "https://host/x;params", "file:///a;b", "https://\u00e9xample.com/x",
    ])


def rrequirement():
    name = rng.choice(NAMES) if rng.random() < 0.8 else rng.choice(NAMES[:8]).upper()
    parts = [rng.choice(["", "", " ", "\t"]), name]
    if rng.random() < 0.25:
        extras = [rng.choice(["security", "socks", "dev", "all", "Test_Extra", "x-y", "a.b", "bad extra", ""]) for _ in range(rng.randint(0, 3))]
        parts.append(rng.choice(["", " "]) + "[" + rng.choice([",", ", ", " , "]).join(extras) + "]")
    r = rng.random()
    if r < 0.15:
        parts.append(rng.choice([" @ ", "@", " @", "@ "]) + rurl())
        if rng.random() < 0.3:
            parts.append(rng.choice([" ; ", " ;", ";"]) + rmarker())
        return "".join(parts)
    if r < 0.8:
        specs = [rspec() for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        if rng.random() < 0.05:
            specs = [rng.choice(["=1.19", "= 1.0", "=={{latest-pypi-version}}", "==${VER}", "===", ">=abc", "==1.0-SNAPSHOT"])]
        body = rng.choice([",", ", ", " ,"]).join(specs)
        if rng.random() < 0.2:
            body = rng.choice(["(", " ("]) + body + rng.choice([")", " )"])
        else:
            body = rng.choice(["", "", " "]) + body
        parts.append(body)
    if rng.random() < 0.35:
        parts.append(rng.choice([";", " ; ", "; ", " ;"]) + rmarker())
    parts.append(rng.choice(["", "", " ", "\n"]))
    return "".join(parts)


EDGE_REQUIREMENTS = [
    "numpy", "numpy==1.19", "numpy=1.19", "numpy = 1.19", "numpy===", "numpy===1.0", "azureml-core=={{latest-pypi-version}}",
    "foo (===1.0)", "foo~=1.0alpha", "foo~=1.0a1", "foo==1.0.*", "foo()", "foo (>=1)", "foo[a,]", "foo[]", "foo [ a , b ] >= 1",
    "x @ http://a;python_version<'3'", "x @ http://a ;python_version<'3'", "foo===1.0;os_name=='a'", "foo>=abc",
    "foo ; python_versionin'3'", "foo;'a'in'b'andos_name=='x'", "foo;os_name=='a\\tb'", "foo;extras=='x'",
    "x @ file:/a", "x @ FILE:///a", "x @ file:///a", "x @ http://[a", "foo==1.0-alpha1.*", "foo>=1.0,", "foo>=1.0 ,< 2",
    "foo ~= 1.0", "foo~=1.0pre", "foo~=1.0preview", "requests[security,socks]>=2.8.1,==2.8.*; python_version < '2.7'",
    "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee9982d4bbb3c72346a6de940a148ea686",
    "name; os_name=='a' or os_name=='b' and python_version>'3'", "name; (os_name=='a' or os_name=='b') and python_version>'3'",
    "name; ((os_name=='a'))", "name;python_version>='3.6' and python_version<'4'", "name ;", "name @", "name @ ", "@ http://x",
    "", " ", "name[extra]==1.0 ; extra == 'gpu'", "torch==2.0.1+cu118", "torch>=2.0.1+cu118", "name ==1.0 ; os_name=='posix' ;",
    "name; os_name == \"posix\" and", "name; not in 'x'", "name; python_version not  in '3'", "name; 'a' == 'b'",
    "name>=1.0<2.0", "name>=1.0 <2.0", "name==1.0 or os_name=='a'", "Django>=3.2,<4.0; python_version >= \"3.8\"",
]


def req_row(text):
    try:
        r = Requirement(text)
    except Exception:  # noqa: BLE001 - InvalidRequirement, plus ValueError/InvalidSpecifier that 21.3 lets escape
        return {"req": text, "invalid": True}
    for sp in r.specifier:
        if isinstance(sp, LegacySpecifier) or (sp.operator == "===" and sp.version == ""):
            return {"req": text, "invalid": True, "note": "legacy or empty ==="}
    return {
        "req": text,
        "name": r.name,
        "extras": sorted(r.extras),
        "specifiers": sorted(str(s) for s in r.specifier),
        "specifier": str(r.specifier),
        "url": r.url,
        "marker": str(r.marker) if r.marker else None,
    }


def gen_requirements():
    texts = list(EDGE_REQUIREMENTS)
    while len(texts) < 1800:
        t = rrequirement()
        if rng.random() < 0.15:
            t = mutate(t)
        texts.append(t)
    return [req_row(t) for t in texts]


ENVIRONMENTS = {
    "linux38": {
        "implementation_name": "cpython", "implementation_version": "3.8.10", "os_name": "posix",
        "platform_machine": "x86_64", "platform_release": "5.15.0-1019-azure", "platform_system": "Linux",
        "platform_version": "#24~20.04.1-Ubuntu SMP", "python_full_version": "3.8.10",
        "platform_python_implementation": "CPython", "python_version": "3.8", "sys_platform": "linux",
    },
    "win311": {
        "implementation_name": "cpython", "implementation_version": "3.11.4", "os_name": "nt", "platform_machine": "AMD64",
        "platform_release": "10", "platform_system": "Windows", "platform_version": "10.0.22621",
        "python_full_version": "3.11.4", "platform_python_implementation": "CPython", "python_version": "3.11",
        "sys_platform": "win32", "extra": "gpu",
    },
    "mac310pypy": {
        "implementation_name": "pypy", "implementation_version": "7.3.11", "os_name": "posix", "platform_machine": "arm64",
        "platform_release": "22.1.0", "platform_system": "Darwin", "platform_version": "Darwin Kernel Version 22.1.0",
        "python_full_version": "3.10.9", "platform_python_implementation": "PyPy", "python_version": "3.10",
        "sys_platform": "darwin", "extra": "test",
    },
    "rc312": {
        "implementation_name": "cpython", "implementation_version": "3.12.0rc1", "os_name": "posix",
        "platform_machine": "aarch64", "platform_release": "6.1", "platform_system": "Linux", "platform_version": "1",
        "python_full_version": "3.12.0rc1", "platform_python_implementation": "CPython", "python_version": "3.12",
        "sys_platform": "linux", "extra": "",
    },
}


def gen_markers():
    rows = []
    texts = [
        "python_version < '3.9'", "python_version >= '3.8' and sys_platform == 'linux'", "os_name == 'nt' or os_name == 'posix'",
        "python_full_version >= '3.6'", "python_full_version < '3.12'", "implementation_version ~= '3.8'", "'linux' in sys_platform",
        "sys_platform not in 'win32 cygwin'", "extra == 'gpu'", "extra == 'GPU'", "python_version == '3.*'",
        "python_version == '3.1*'", "platform_release >= '5'", "os_name === 'POSIX'", "os_name ~= 'posix'", "'a' == 'b'",
        "os_name == sys_platform", "(python_version > '3' or os_name == 'nt') and extra == 'x'", "python_version in '3.8 3.9'",
        "platform_machine == 'x86_64' and (python_version < '3.10' or python_version >= '3.12')",
    ]
    while len(texts) < 700:
        texts.append(rmarker())
    for text in texts:
        try:
            m = Marker(text)
        except InvalidMarker:
            rows.append({"marker": text, "invalid": True})
            continue
        for env_name, env in ENVIRONMENTS.items():
            try:
                result = m.evaluate(env)
            except Exception:  # noqa: BLE001 - UndefinedComparison, UndefinedEnvironmentName
                result = "error"
            rows.append({"marker": text, "str": str(m), "env": env_name, "result": result})
    return rows


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} rows", file=sys.stderr)


def main():
    os.makedirs(OUT440, exist_ok=True)
    os.makedirs(OUT508, exist_ok=True)
    comparisons, props = gen_versions()
    write(os.path.join(OUT440, "version_comparisons.jsonl"), comparisons)
    write(os.path.join(OUT440, "versions.jsonl"), props)
    spec_rows, checks = gen_specifiers()
    write(os.path.join(OUT440, "specifier_sets.jsonl"), spec_rows)
    print(f"  containment checks: {checks}", file=sys.stderr)
    write(os.path.join(OUT508, "requirements.jsonl"), gen_requirements())
    with open(os.path.join(OUT508, "environments.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(ENVIRONMENTS, f, indent=1, sort_keys=True)
        f.write("\n")
    write(os.path.join(OUT508, "markers.jsonl"), gen_markers())


if __name__ == "__main__":
    main()
