// Strings a user might type to break out of a wikitable cell or sneak markup onto a page. Each
// goes through the mirror and MediaWiki's parser; none may change the table or add anything.

const PAYLOADS = [
  // table syntax
  "|", "||", "!", "!!", "|-", "|}", "{|", "|+ caption", "{| class=\"wikitable\"\n|x\n|}", "| style=\"color:red\" | styled",
  // templates, parser functions, variables, parameters
  "{{", "}}", "{{PAGENAME}}", "{{subst:PAGENAME}}", "{{safesubst:PAGENAME}}", "{{#if:1|yes|no}}", "{{#invoke:X|y}}", "{{!}}", "{{=}}",
  "{{{1}}}", "{{{1|default}}}", "{{#tag:nowiki|x}}", "{{#expr:1+1}}", "{{int:mainpage}}", "{{msgnw:Main Page}}", "{{raw:Main Page}}",
  "{{:Main Page}}", "{{Special:RecentChanges}}", "{{#language:de}}", "{{CURRENTYEAR}}", "{{REVISIONID}}", "{{NAMESPACE}}", "{{urlencode:a b}}",
  "{{DISPLAYTITLE:Pwned}}", "{{DEFAULTSORT:Z}}", "{{#switch:a|a=1|2}}", "{{Template:Hostile}}", "{{lc:ABC}}",
  // links, categories, files, interwiki
  "[[Main Page]]", "[[Category:Hostile]]", "[[:Category:Hostile]]", "[[Category:Hostile|sort]]", "[[File:Example.png]]",
  "[[Image:X.jpg|thumb|caption]]", "[[Media:X.ogg]]", "[[:File:X.png]]", "[[en:Foo]]", "[[w:Foo]]", "[[Special:Random]]",
  "[[User:Mallory]]", "[[#top]]", "[[/sub]]", "[[../up]]", "[[Kategorie:X]]", "[[Main Page|]]", "[[", "]]", "[", "]",
  "[https://evil.example click]", "https://evil.example/", "//evil.example", "mailto:a@b.example", "[mailto:a@b.example mail]",
  "ftp://evil.example/x", "[//evil.example proto-relative]", "http://[::1]/", "ISBN 978-3-16-148410-0", "RFC 1234", "PMID 12345",
  // signatures, magic words, redirects
  "~~~", "~~~~", "~~~~~", "~~~~~~", "__NOTOC__", "__FORCETOC__", "__TOC__", "__NOINDEX__", "__INDEX__", "__HIDDENCAT__",
  "__DISAMBIG__", "__NEWSECTIONLINK__", "__NOEDITSECTION__", "__NOGALLERY__", "__EXPECTUNUSEDCATEGORY__", "__STATICREDIRECT__",
  "#REDIRECT [[Main Page]]", "#redirect[[Category:Hostile]]",
  // comments, nowiki break-outs, tags
  "<!--", "-->", "<!-- comment -->", "<nowiki>", "</nowiki>", "<nowiki/>", "</nowiki>[[Category:Escaped]]<nowiki>",
  "</NOWIKI >[[Category:Escaped]]", "&lt;/nowiki&gt;[[Category:Escaped]]", "<pre>", "</pre>", "<pre>[[Category:Pre]]</pre>",
  "<script>alert(1)</script>", "<b>bold</b>", "<div style=\"position:fixed;top:0\">cover</div>", "</div>", "<span onclick=\"x\">",
  "<ref>r</ref>", "<references/>", "<gallery>File:X.jpg</gallery>", "<includeonly>[[Category:Inc]]</includeonly>", "<noinclude>",
  "<onlyinclude>", "<math>x</math>", "<syntaxhighlight>", "<templatestyles src=\"x\"/>", "<br>", "<hr>", "<table><tr><td>x</td></tr></table>",
  "<tr>", "<td>", "</td></tr></table>", "<img src=x onerror=alert(1)>", "<a href=\"https://evil.example\">a</a>", "<style>body{display:none}</style>",
  "<indicator name=\"x\">!</indicator>", "<section begin=x/>", "<poem>x</poem>", "<categorytree>X</categorytree>", "<mapframe/>",
  // formatting and line-start markup
  "'''bold'''", "''italic''", "'''''", "== Heading ==", "=", "=x=", "----", "* item", "# item", ": indent", "; term : def", " leading space pre",
  "*", "#", ":", ";", "----\n----", "\n* after newline", "a\nb", "a\n|}\n{|", "x\n* list", "x\n----", "x\n== H ==", "\t|tab", "x\r\n|-",
  "x\n|-\n| injected cell", "x\n! injected header", "x\n|}\n[[Category:After table]]", "\n\n\n",
  // references and look-alikes
  "&amp;", "&lt;nowiki&gt;", "&#124;", "&#91;&#91;Category:Entity&#93;&#93;", "&#x7B;&#x7B;PAGENAME&#x7D;&#x7D;", "&nbsp;", "&", "&&&",
  "&#60;b&#62;", "&quot;", "\u007f'\"`UNIQ--nowiki-00000001-QINU`\"'\u007f", "'\"`UNIQ--ref-00000000-QINU`\"'", "\u0000nul", "\u0008bs",
  // unicode
  "\u202Eevil", "\u200B[[\u200BCategory:ZW]]", "｛｛PAGENAME｝｝", "［［Category:FW］］", "\uFEFFbom", "émoji 🎉 [[x]]", "\u00A0|\u00A0",
  "-{zh-hans:x; zh-hant:y}-", "-{[[Category:LC]]}-",
  // lookalike closers and combined attacks
  "}}{{", "]][[", "|}|-{|", "<nowiki>|</nowiki>", "{{!}}-", "x}}[[Category:C]]{{y", "\"><script>alert(1)</script>", "' onmouseover='x",
  "javascript:alert(1)", "data:text/html,<b>x</b>", "{{#if:}}|}", "[[Category:{{PAGENAME}}]]", "~~~~[[Category:Sig]]", "__NOTOC__[[File:X.png]]",
];

// Each payload alone, after a cell separator, and between words: where it sits must not matter.
const CONTEXTS = [(s: string) => s, (s: string) => `x || ${s}`, (s: string) => `Museum ${s} end`];

/** Several hundred distinct hostile strings. */
export const HOSTILE_STRINGS: string[] = [...new Set(CONTEXTS.flatMap((wrap) => PAYLOADS.map(wrap)))];
