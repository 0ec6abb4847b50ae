#!/usr/bin/env python3
"""Differential oracle for PipelineGuard's pip requirements-file reader.

Writes tricky requirements files into tests/PipelineGuard.Tests/Vectors/pip-reqfile/ and, next to
each top-level file NAME.txt, NAME.json with what pip's OWN parser makes of it:

* "lines":  every logical line from pip._internal.req.req_file.preprocess (join continuations,
            strip comments, expand ${VARS}) run through pip's per-line option parser
            (get_line_parser), with either {"args", "opts"} or {"error"}. Every line is parsed,
            even after an error, so one file can hold several error cases.
* "parsed": what RequirementsFileParser.parse yields for the whole file (nested -r/-c followed),
            i.e. pip's real behaviour, which stops at the first error.

Run with the pip the project pins as reference (23.2.1):  python3 tools/oracles/pip_reqfile.py
Source read: https://github.com/pypa/pip/blob/23.2.1/src/pip/_internal/req/req_file.py
"""

import contextlib
import io
import json
import os
import sys
from pathlib import Path

import pip
from pip._internal.cli import cmdoptions
from pip._internal.exceptions import CommandError, InstallationError
from pip._internal.models.format_control import FormatControl
from pip._internal.network.session import PipSession
from pip._internal.req import req_file

# optparse prefixes errors with "<prog>: error: "; make the prog name stable.
sys.argv[0] = "pip"

OUT = Path(__file__).resolve().parents[2] / "tests" / "PipelineGuard.Tests" / "Vectors" / "pip-reqfile"

# Environment seen by pip while parsing the files of a case (the C# test injects the same lookup).
ENV = {
    "PG_INDEX_URL": "https://pkgs.example.com/simple",
    "PG_TOKEN": "s3cr3t",
    "PG_OPTS": "--pre --no-index",
    "PG_EMPTY": "",
    "PG_VERSION": "1.2.3",
    "PG_NESTED": "${PG_TOKEN}x",
}

SHA_A = "a" * 64
SHA_B = "b" * 64

# name -> content. Included files (under included/) have no JSON of their own.
CASES = {
    "basic.txt": (
        "numpy\n"
        "pandas==2.0.3\n"
        "\n"
        "scikit-learn >= 1.2, < 1.4\n"
        "requests[security,socks]~=2.31\n"
        'importlib-metadata; python_version < "3.8"\n'
        "Azure_ML.Core  ==  1.0\n"
        "   indented-name\n"
    ),
    "comments.txt": (
        "# a full-line comment\n"
        "foo # trailing comment\n"
        "bar#not-a-comment\n"
        "  # indented comment\n"
        "baz\t# tab comment\n"
        "https://example.com/pkg-1.0.tar.gz#egg=pkg\n"
        "https://example.com/pkg2.zip #egg=pkg2\n"
        "#\n"
        "qux ## double\n"
    ),
    "continuations.txt": (
        "foo==1.0 \\\n"
        "    --hash=sha256:" + SHA_A + " \\\n"
        "    --hash=sha256:" + SHA_B + "\n"
        "bar\\\n"
        "==2.0\n"
        "# comment ending in backslash \\\n"
        "baz\n"
        "qux \\\n"
        "# comment ends the join\n"
        "next\n"
        "\\\\lead\\\\\n"
        "a \\\n"
        "\n"
        "b\n"
        "spaced \\ \n"
        "c # comment then backslash \\\n"
        "swallowed\n"
        "last \\"
    ),
    "options.txt": (
        "-i https://a.example/simple\n"
        "--index-url=https://b.example/simple\n"
        "-ihttps://c.example/simple\n"
        "-i=https://d.example/simple\n"
        "--extra-index-url https://e.example/simple\n"
        "--extra-index=https://f.example/simple\n"
        "--pypi-url https://g.example/simple\n"
        "-f ./wheels\n"
        "--find-links=https://h.example/links\n"
        "--no-index\n"
        "--pre\n"
        "--prefer-binary\n"
        "--require-hashes\n"
        "--trusted-host host.example:8080\n"
        "--no-binary :all:\n"
        "--only-binary=numpy,SciPy\n"
        "--no-binary=:none:,Foo_Bar\n"
        "--use-feature=fast-deps\n"
        "--pre --no-index --trusted-host=t.example\n"
        "--index-url \"https://q.example/a b\"\n"
        "--trusted-host=a\\ b\n"
        "--find-links '/opt/my wheels'\n"
        "--pre positional words\n"
        "--pre -- --no-index\n"
        "--prefer\n"
    ),
    "includes.txt": (
        "-r included/base.txt\n"
        "--requirement=included/dev.txt\n"
        "-c included/constraints.txt\n"
        "--constraint included/c2.txt\n"
        "-rincluded/dev.txt\n"
        "foo -r included/dev.txt\n"
        "-r included/dev.txt -c included/c2.txt\n"
    ),
    "included/base.txt": "requests\n-r nested.txt\n",
    "included/nested.txt": "urllib3 \\\n  <3\n",
    "included/dev.txt": "pytest\n",
    "included/constraints.txt": "numpy<2\n",
    "included/c2.txt": "pandas<3\n",
    "editable.txt": (
        "-e ./pkg\n"
        "-e .\n"
        "--editable=git+https://github.com/acme/lib.git@v1.2#egg=lib\n"
        "-e git+https://github.com/acme/lib2.git#egg=lib2[extra]\n"
        "-e 'path with space'\n"
        "-e ./a -e ./b\n"
        "foo -e ./c\n"
        "-e./d\n"
        "--edit ./e\n"
    ),
    "urls.txt": (
        "name @ https://example.com/name-1.0.tar.gz\n"
        "https://example.com/y-1.0-py3-none-any.whl\n"
        "git+https://github.com/a/b.git@v1.2#egg=b\n"
        "./local/pkg\n"
        ".\n"
        "../x-1.0-py3-none-any.whl\n"
        "file:///tmp/pkg\n"
        "pkg @ file:///tmp/pkg.zip ; python_version < \"3.8\"\n"
        "https://example.com/y.zip#egg=y\n"
        "other[ext]@git+https://github.com/o/o.git\n"
        "./wheels/z-2.0-cp311-cp311-manylinux_2_17_x86_64.whl --hash=sha256:" + SHA_A + "\n"
    ),
    "crlf_tabs.txt": (
        "foo==1.0\r\n"
        "bar\t--hash=sha256:" + SHA_A + "\r\n"
        "baz  --hash=sha256:" + SHA_B + "\r\n"
        "qux \\\r\n"
        "  --hash sha256:" + SHA_A + "\r\n"
        "\t\ttabbed\t\r\n"
        "trailing   \r\n"
    ),
    "env.txt": (
        "--index-url ${PG_INDEX_URL}\n"
        "--extra-index-url https://user:${PG_TOKEN}@extra.example/simple\n"
        "pkg==${PG_VERSION}\n"
        "unset==${PG_UNSET}\n"
        "empty${PG_EMPTY}\n"
        "$PG_VERSION\n"
        "${lower}\n"
        "${PG_OPTS}\n"
        "x ${PG_OPTS}\n"
        "${PG_VERSION}${PG_VERSION} ${PG_TOKEN}\n"
    ),
    "req_options.txt": (
        "foo --global-option=--no-user-cfg\n"
        "bar -C key=val\n"
        "baz --config-settings=k=v --config-setting k=w -Ck=x\n"
        "qux --hash sha384:" + "c" * 96 + "\n"
        "quux --hash=sha256:" + SHA_A + " --hash=sha512:" + "d" * 128 + " --hash=sha256:" + SHA_B + "\n"
        'marked ; python_version < "3.8" --hash=sha256:' + SHA_A + "\n"
        'dashmark; extra == "-x"\n'
        "--hash=sha256:" + SHA_A + "\n"
        "opt-on-req --index-url https://ignored.example --pre\n"
    ),
    "errors.txt": (
        "ok-before\n"
        "--foo\n"
        "-e\n"
        "--index-url\n"
        "--hash=md5:abc\n"
        "pkg --hash=nocolon\n"
        "--pre=yes\n"
        "--pr\n"
        "--index-url 'unclosed\n"
        "--trusted-host=trailing\\ \n"
        "--use-feature=bogus\n"
        "-x\n"
        "-C novalue\n"
        "--=x\n"
        "---triple\n"
        "ok-after\n"
    ),
    "env_tricky.txt": (
        "${PG_NESTED} ${PG_TOKEN}\n"
        "${PG_TOKEN} ${PG_NESTED}\n"
        "${PG_VERSION}${PG_UNSET}${PG_VERSION}\n"
        "pkg==${PG_VERSION} \\\n"
        "  --hash=sha256:${PG_TOKEN}\n"
        "${}\n"
    ),
    "quoting.txt": (
        "--index-url \"https://a \\\n b\"\n"
        "--trusted-host 'x'\"y\"z\n"
        "--find-links=\"\"\n"
        "--find-links \"a\\\"b\\\\c\\d\"\n"
        "-e \"./my pkg\" --hash=sha256:" + SHA_A + "\n"
        "-r\tincluded/dev.txt\n"
        "pkg\t; python_version<'3' --hash\tsha256:" + SHA_B + "\n"
        "--pre\t--no-index\n"
    ),
    "unknown_option.txt": "numpy\n--foo bar\npandas\n",
    "missing_value.txt": "numpy\n-e\n",
    "no_binary_dash.txt": "--no-binary=-foo\n",
    "whitespace.txt": (
        "foo\u00a0#nbsp comment\n"
        "form\ffeed\n"
        "vertical\vtab\n"
        "sep\x1cline\n"
        "para\u2028graph\n"
        "lone\rcr\n"
        "\u3000ideo\u3000\n"
    ),
    "eof_backslash.txt": "foo \\",
    "eof_backslash_newline.txt": "foo \\\n",
    "conda_pip_list.txt": (
        "azureml-core==1.52.0\n"
        "--extra-index-url https://pkgs.example/simple\n"
        "git+https://github.com/acme/x.git@main#egg=x\n"
        "torch==2.0.1 ; sys_platform == \"linux\"\n"
        "-r included/dev.txt\n"
    ),
}


def plain(value):
    """JSON-friendly copy of an optparse value."""
    if isinstance(value, FormatControl):
        return {"no_binary": sorted(value.no_binary), "only_binary": sorted(value.only_binary)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def opts_dict(opts):
    """The options that differ from a fresh parser's defaults (what a line actually set)."""
    defaults = req_file.build_parser().get_default_values()
    defaults.index_url = None
    result = {}
    for key, value in sorted(vars(opts).items()):
        default = [] if key == "features_enabled" else getattr(defaults, key, None)
        if value != default:
            result[key] = plain(value)
    return result


def optparse_message(msg):
    """optparse's '<prog>: error: MSG\\n' -> MSG (the shlex error has no prefix)."""
    msg = msg.rstrip("\n")
    prefix = "pip: error: "
    return msg[len(prefix):] if msg.startswith(prefix) else msg


# pip 23.2.1's --use-feature option is a functools.partial holding ONE default list, which
# optparse's "append" action mutates: features leak into every later line's opts. Real pip only
# ever takes the union of them, so the oracle clears the shared list before each line to report
# what the line itself says.
_SHARED_FEATURES = cmdoptions.use_new_feature.keywords["default"]


def lines_of(name):
    content = (OUT / name).read_bytes().decode("utf-8")
    parse_line = req_file.get_line_parser(None)
    result = []
    for lineno, line in req_file.preprocess(content):
        _SHARED_FEATURES.clear()
        entry = {"lineno": lineno, "line": line}
        try:
            args, opts = parse_line(line)
            entry["args"] = args
            entry["opts"] = opts_dict(opts)
        except req_file.OptionParsingError as e:
            entry["error"] = optparse_message(e.msg)
        except CommandError as e:
            entry["error"] = str(e)
        result.append(entry)
    return result


def parsed_of(name):
    parser = req_file.RequirementsFileParser(PipSession(), req_file.get_line_parser(None))
    lines = []
    error = None
    try:
        _SHARED_FEATURES.clear()
        for pl in parser.parse(name, constraint=False):
            item = {
                "filename": pl.filename.replace(os.sep, "/"),
                "lineno": pl.lineno,
                "is_requirement": pl.is_requirement,
                "constraint": pl.constraint,
                "opts": opts_dict(pl.opts),
            }
            if pl.is_requirement:
                item["requirement"] = pl.requirement
                item["is_editable"] = pl.is_editable
            lines.append(item)
            _SHARED_FEATURES.clear()
    except (InstallationError, CommandError) as e:
        error = {"type": type(e).__name__, "message": str(e)}
    return {"lines": lines, "error": error}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in CASES.items():
        path = OUT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8"))

    os.environ.update(ENV)
    os.environ.pop("PG_UNSET", None)
    os.chdir(OUT)  # so pip reports paths relative to the vector folder, as the test resolves them
    for name in CASES:
        if name.startswith("included/"):
            continue
        with contextlib.redirect_stderr(io.StringIO()):  # optparse prints its usage on errors
            lines, parsed = lines_of(name), parsed_of(name)
        result = {
            "pip_version": pip.__version__,
            "file": name,
            "env": ENV,
            "lines": lines,
            "parsed": parsed,
        }
        json_path = Path(name).with_suffix(".json")
        json_path.write_text(json.dumps(result, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} files to {OUT}")


if __name__ == "__main__":
    main()
