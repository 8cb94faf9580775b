"""A gazette of hostile documents: one payload each, for tests/test_hostile.py.

PAYLOADS are live markup `gazette check` must report on the given body line (the
body starts on file line 8; a payload's first line is 9); every one calls
alert() (or loads from another site) if it ever runs. TEXT are payloads written
as text (code, escaped characters, front-matter text): no error, and the page
shows them literally.
"""

from __future__ import annotations

from projects import NOTICE_HEAD

D = "content/documents/2024/"
LINE = 9  # the first body line after NOTICE_HEAD and one blank line

PAYLOADS: dict[str, str] = {
    "script": "<script>alert('script')</script>",
    "script-src": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "img-onerror": "<img src=x onerror=alert('img-onerror')>",
    "img-multiline": "<img\n  src=\"x\"\n  onerror=\"alert('img-multiline')\">",
    "svg-onload": "<svg onload=alert('svg-onload')>",
    "svg-script": "<svg><script>alert('svg-script')</script></svg>",
    "svg-xlink": "<svg><a xlink:href=\"javascript:alert('svg-xlink')\"><text x=\"20\" y=\"20\">点我</text></a></svg>",
    "mathml": "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert('mathml')\">数学</maction></math>",
    "iframe-js": "<iframe src=\"javascript:alert('iframe-js')\"></iframe>",
    "iframe-srcdoc": "<iframe srcdoc=\"<script>alert('iframe-srcdoc')</script>\"></iframe>",
    "details-ontoggle": "<details open ontoggle=alert('details-ontoggle')>详情</details>",
    "body-onload": "<body onload=alert('body-onload')>",
    "input-onfocus": "<input autofocus onfocus=alert('input-onfocus')>",
    "video-source": "<video><source onerror=\"alert('video-source')\"></video>",
    "marquee": "<marquee onstart=alert('marquee')>滚动</marquee>",
    "p-onclick": "<p onclick=\"alert('p-onclick')\">允许的标签，不允许的事件属性</p>",
    "a-onmouseover": "<a href=\"https://www.gov.cn/\" onmouseover=\"alert('a-onmouseover')\">链接</a>",
    "raw-javascript": "<a href=\"javascript:alert('raw-javascript')\">点此</a>",
    "raw-entity": "<a href=\"&#106;avascript:alert('raw-entity')\">点此</a>",
    "raw-tab-entity": "<a href=\"jav&#x09;ascript:alert('raw-tab-entity')\">点此</a>",
    "raw-newline-entity": "<a href=\"java&NewLine;script:alert('raw-newline-entity')\">点此</a>",
    "raw-leading-space": "<a href=\"  javascript:alert('raw-leading-space')\">点此</a>",
    "raw-vbscript": "<a href=\"vbscript:msgbox('raw-vbscript')\">点此</a>",
    "raw-data": "<a href=\"data:text/html,<script>alert('raw-data')</script>\">点此</a>",
    "md-javascript": "[点此](javascript:alert('md-javascript'))",
    "md-mixed-case": "[点此](JaVaScRiPt:alert('md-mixed-case'))",
    "md-entity": "[点此](jav&#x61;script:alert('md-entity'))",
    "md-colon-entity": "[点此](javascript&colon;alert('md-colon-entity'))",
    "md-angle": "[点此](<javascript:alert('md-angle')>)",
    "md-reference": "见[此处][r]。\n\n[r]: javascript:alert('md-reference')",
    "md-data-image": "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "md-remote-image": "![图](https://evil.example/track.png)",
    "attr-list": "## 标题 {onclick=\"alert('attr-list')\"}",
    "object": "<object data=\"javascript:alert('object')\"></object>",
    "embed": "<embed src=\"data:text/html,<script>alert('embed')</script>\">",
    "base": "<base href=\"https://evil.example/\">",
    "meta-refresh": "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta-refresh')\">",
    "form-action": "<form action=\"javascript:alert('form-action')\"><button>提交</button></form>",
    "formaction": "<button formaction=\"javascript:alert('formaction')\">提交</button>",
    "css-url": "<span style=\"background:url(javascript:alert('css-url'))\">样式</span>",
    "style-element": "<style>body{background:url(\"https://evil.example/x.png\")}</style>",
    "link-stylesheet": "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    "comment-break": "<!--><script>alert('comment-break')</script>-->",
    "pseudo-autolink": "<javascript:alert('pseudo-autolink')>",
}

# Lines that differ from LINE (a payload whose problem is not on its first line).
LINES = {"md-reference": LINE + 2}

TEXT: dict[str, str] = {
    "inline-code": "`<script>alert('inline-code')</script>`",
    "fenced-code": "```\n<img src=x onerror=alert('fenced-code')>\n```",
    "escaped": "&lt;script&gt;alert('escaped')&lt;/script&gt;",
}
SHOWN = {
    "inline-code": "<script>alert('inline-code')</script>",
    "fenced-code": "<img src=x onerror=alert('fenced-code')>",
    "escaped": "<script>alert('escaped')</script>",
}
TITLE = "关于“</script><script>alert('title')</script>”事项的公告"
SUMMARY = "<img src=x onerror=alert('summary')>摘要"


COLLECTION = "h-zhuanti"  # a 专题 whose title, summary, service and intro are hostile too
COLLECTION_FILE = f"content/collections/{COLLECTION}.md"


def doc_id(name: str) -> str:
    return f"2024/h-{name}"


def hostile_files() -> dict[str, str]:
    """Every hostile and text document, for write_project (added to the base project)."""
    files = {}
    for index, (name, body) in enumerate({**PAYLOADS, **TEXT}.items(), 1):
        head = NOTICE_HEAD.replace("关于示例事项的公告", f"关于示例事项{index}的公告")
        files[f"{D}h-{name}.md"] = head + "\n" + body + "\n"
    files[f"{D}h-title.md"] = (f"---\ntitle: \"{TITLE}\"\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-06\n"
                               f"disclosure: 主动公开\nsummary: \"{SUMMARY}\"\n---\n\n正文。\n")
    files[COLLECTION_FILE] = (f"---\ntitle: \"{TITLE}\"\nsummary: \"{SUMMARY}\"\ndocuments:\n  - {doc_id('title')}\n"
                              f"services:\n  - title: \"{TITLE}\"\n    url: https://zwdt.sh.gov.cn/\n---\n\n"
                              + PAYLOADS["script"] + "\n")
    return files
