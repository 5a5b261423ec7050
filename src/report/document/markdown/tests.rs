use super::*;

#[test]
fn every_block_and_inline_is_laid_out_as_gfm() {
    let expected = "\
# Rapport \\<1\\>

*Per 2026-05-20*

## Innehåll

1. [A \\& B](#wb-a)

## <a id=\"wb-a\"></a>A \\& B

**Läge:** \\*fas\\* 3 av 5<br>*pausat* [A](#wb-a)

Första<br>raden

\\# Andra

- \\- ett
- två

**Vem \\| vad**

| Punkt | Svar |
| --- | --- |
| Mål? | Ett \\| två<br>rad<br><br>Nytt stycke |

**Medel**

Skala 1–5.

| Dimension | Medel |
| --- | --- |
| Mandat | 3,5 |

> #### Rubrik
>
> <b>x</b>

";
    assert_eq!(document(&crate::report::document::every_kind()), expected);
}

#[test]
fn an_anchor_holds_only_safe_characters() {
    let mut out = String::new();
    heading(&mut out, 9, "T", Some("a\"><script>"));
    assert_eq!(out, "###### <a id=\"ascript\"></a>T\n\n");
}
