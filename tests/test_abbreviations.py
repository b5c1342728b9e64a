"""The bracketed short-form finder, on text written for these tests."""

from __future__ import annotations

from plainspeak.nlp.abbreviations import best_long_form, find_pairs


def pairs(text: str) -> list[tuple[str, str]]:
    return [(p.short, p.long) for p in find_pairs(text)]


def test_long_form_then_short_form() -> None:
    assert pairs("The Better Care Fund (BCF) is pooled.") == [("BCF", "Better Care Fund")]


def test_lower_case_long_form() -> None:
    assert pairs("the disabled facilities grant (DFG) pays for ramps") == [("DFG", "disabled facilities grant")]


def test_short_form_then_long_form() -> None:
    assert pairs("The WY ICB (West Yorkshire Integrated Care Board) met.") == [
        ("WY ICB", "West Yorkshire Integrated Care Board")]


def test_prefers_word_initials_over_a_shorter_tail() -> None:
    assert best_long_form("IIEF", "the international index of erectile function") == (
        "international index of erectile function")


def test_capitalised_list_with_commas() -> None:
    assert pairs("Voluntary, Community and Social Enterprise (VCSE) groups") == [
        ("VCSE", "Voluntary, Community and Social Enterprise")]


def test_asides_and_measurements_are_not_pairs() -> None:
    assert pairs("The plan (see below) costs more (10 mg) than last year (2024/25).") == []


def test_plural_short_form() -> None:
    assert pairs("Integrated Care Boards (ICBs) were set up.") == [("ICBs", "Integrated Care Boards")]


def test_nested_brackets_keep_the_long_form_clean() -> None:
    assert pairs("Costs rose (cost improvement programme (CIP) savings fell).") == [
        ("CIP", "cost improvement programme")]


def test_square_brackets() -> None:
    assert pairs("The day surgery unit [DSU] reopened.") == [("DSU", "day surgery unit")]


def test_long_form_and_short_form_inside_one_bracket() -> None:
    assert pairs("Money is pooled (Better Care Fund, BCF) each year.") == [("BCF", "Better Care Fund")]


def test_short_form_after_a_note_in_the_bracket() -> None:
    assert pairs("the disabled facilities grant (see annex 2; DFG) pays") == [("DFG", "disabled facilities grant")]


def test_number_words_for_digits() -> None:
    assert pairs("a two-dimensional (2D) map") == [("2D", "two-dimensional")]


def test_one_letter_after_the_word_it_starts() -> None:
    assert pairs("Patients had placebo (P, a sugar pill) or the drug.") == [("P", "placebo")]
    assert pairs("Choose one: (a) yes or (B) no.") == []


def test_long_forms_that_read_as_clauses_are_refused() -> None:
    assert pairs("the pressure was monitored continuously (PMC)") == []
    assert pairs("supported by local funding (LF)") == [("LF", "local funding")]


def test_last_item_of_a_list_is_not_a_short_form() -> None:
    assert pairs("Transfer Services (Bed Bureau, Discharge Team, TS) help.") == []


def test_bracket_inside_the_first_word_of_the_long_form() -> None:
    assert pairs("The reagent was N-(2-ethyl) propane diol citrate (NEPDC) in water.") == [
        ("NEPDC", "N-(2-ethyl) propane diol citrate")]


def test_non_prefix_stays_only_when_the_short_form_spells_it() -> None:
    assert pairs("They used non-residential care packages (RCP) as a measure.") == [
        ("RCP", "residential care packages")]
    assert pairs("They used non-residential care packages (NRCP) as a measure.") == [
        ("NRCP", "non-residential care packages")]


def test_names_listed_with_a_comma_before_and() -> None:
    assert pairs("the Ashby, Brook, and Carter (ABC) method") == [("ABC", "Ashby, Brook, and Carter")]
    assert pairs("the tests, reviews, and audits (TRA) were done") == []


def test_symbol_with_a_subscript() -> None:
    assert pairs("The outdoor temperature (T(o)) and room temperature (Tr) were logged.") == [
        ("T(o)", "outdoor temperature"), ("Tr", "room temperature")]
    assert pairs("The quality time (QT) rose.") == [("QT", "quality time")]


def test_symbol_offsets_skip_a_space_inside_the_bracket() -> None:
    for text, short in (("the Na current ( INa) fell", "INa"), ("the room temperature ( Tr) rose", "Tr")):
        (pair,) = find_pairs(text)
        assert (pair.short, pair.short_start, pair.short_end) == (short, text.index(short), text.index(short) + len(short))


def test_square_brackets_for_a_concentration() -> None:
    assert pairs("the blood Na+ concentration ([Na+]b) fell") == [("[Na+]b", "blood Na+ concentration")]
    assert pairs("the blood sodium concentration ([Na+]b) fell") == []
    assert pairs("the lactate dehydrogenase concentration ([LD]) fell") == [
        ("[LD]", "lactate dehydrogenase concentration")]


def test_signed_short_forms() -> None:
    assert pairs("Group X positive (GX+) and Group X negative (GX-) cases") == [
        ("GX+", "Group X positive"), ("GX-", "Group X negative")]


def test_numbered_versions_of_one_short_form() -> None:
    assert pairs("two care cost models (CCM-1 and CCM-2) were compared") == [
        ("CCM-1", "care cost models"), ("CCM-2", "care cost models")]
    assert pairs("the 12-item Wellbeing Index Scale (WIS-12) was used") == [
        ("WIS-12", "12-item Wellbeing Index Scale")]
    assert pairs("in the year (2024-25) and the review (AB-2)") == []


def test_maker_mark_before_a_product_name_is_not_an_acronym() -> None:
    import spacy

    from plainspeak.nlp.candidates import acronyms

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def spotted(text: str) -> list[str]:
        doc = nlp(text)
        return [doc.text[start:end] for start, end, _core in acronyms(doc)]

    assert spotted("The group met on MS Teams last week.") == []
    assert spotted("The LD Team met last week.") == ["LD"]
    assert spotted("The WY Combined Authority met.") == ["WY"]
    assert spotted("Support for people with MS is growing.") == ["MS"]


def test_longer_short_forms_joined_by_hyphens() -> None:
    assert pairs("the pro-brain natriuretic peptide-1 beta (pro-BNP-1 beta) rose") == [
        ("pro-BNP-1 beta", "pro-brain natriuretic peptide-1 beta")]
    assert pairs("the plan for the medium term (medium-term-plan) was agreed") == []


def test_digits_the_long_form_does_not_spell() -> None:
    assert pairs("the carbon dioxide (CO2) level and the thyroxine (T4) level") == [
        ("CO2", "carbon dioxide"), ("T4", "thyroxine")]
    assert pairs("the 17-beta-thyroxine (T4) level") == [("T4", "17-beta-thyroxine")]


def test_digits_need_a_strict_match_of_the_letters() -> None:
    # One letter against a short everyday word is a label, not a definition.
    assert pairs("improve access for staff (S2) and review the plans (P12)") == []
    assert pairs("the carbon monoxide level (CO2) rose") == []


def test_acronym_of_one_long_word_and_its_noun() -> None:
    assert pairs("the haemoglobinopathy service (HBP) and the physiotherapy team (PHY) met") == [
        ("HBP", "haemoglobinopathy service"), ("PHY", "physiotherapy team")]
    assert pairs("all commissioners agreed (COM) to this") == []


def test_short_form_first_with_full_stops() -> None:
    assert pairs("the U.K. (United Kingdom) figures") == [("U.K.", "United Kingdom")]
    assert pairs("in the U.K. (see below) and e.g. (for example)") == []


def test_short_form_first_then_a_list_of_what_its_letters_stand_for() -> None:
    assert pairs("the RAG (red, amber, green) rating") == [("RAG", "red, amber, green")]
    assert pairs("the RAG (red, amber, green, blue) rating") == []
    assert pairs("the ICB (see page 4, table 2)") == []


def test_short_form_first_then_the_one_word_it_shortens() -> None:
    assert pairs("an ECG (electrocardiogram) was done") == [("ECG", "electrocardiogram")]
    assert pairs("the ICS (system) and the AB (about) and the Q (quarterly)") == []


def test_long_form_written_across_a_spaced_dash() -> None:
    assert pairs("by point of care - rapid antigen testing (POC-RAT) we") == [
        ("POC-RAT", "point of care - rapid antigen testing")]
    assert pairs("Item 4 - Finance report - the cost improvement plan (CIP) fell") == [
        ("CIP", "cost improvement plan")]
    assert pairs("Finance - the plan (FP) was agreed. The board - see item 4 (BSI)") == []


def test_customary_symbols_of_quantities() -> None:
    assert pairs("the leak current (Il) and the binding rate (k(b)) and the outer pressure (Po)") == [
        ("Il", "leak current"), ("k(b)", "binding rate"), ("Po", "outer pressure")]
    assert pairs("the Ca2+ current (ICa) and the extracellular glucose concentration ([Glc]o)") == [
        ("ICa", "Ca2+ current"), ("[Glc]o", "extracellular glucose concentration")]
    assert pairs("the growth rate (k(x)) and the Ca2+ pump (ICa) and the first charge (Ic)") == []


def test_short_form_led_by_a_greek_letter() -> None:
    assert pairs("the beta human chorionic gonadotrophin (beta HCG) level") == [
        ("beta HCG", "beta human chorionic gonadotrophin")]
    assert pairs("the trial of the new beta site (beta site) and the alpha (alpha 2)") == []


def test_comma_inside_a_name_that_starts_with_a_capital() -> None:
    assert pairs("cases of Streptococcus milleri, strain K (SMK) and Non-X, non-Y hepatitis (NXNY)") == [
        ("SMK", "Streptococcus milleri, strain K"), ("NXNY", "Non-X, non-Y hepatitis")]
    assert pairs("Costs rose, the savings plan (CRSP) fell") == []


def test_roman_numerals_for_digits() -> None:
    assert pairs("people with type II diabetes (T2D) and the factor VIII gene (F8G)") == [
        ("T2D", "type II diabetes"), ("F8G", "factor VIII gene")]
    assert pairs("see Part I (P1) and the clinic at Ward VI (WC6)") == []


def test_two_short_forms_sharing_the_words_after_them() -> None:
    assert pairs("the adult (ASC) and child (CSC) social care teams") == [
        ("ASC", "adult social care"), ("CSC", "child social care")]
    # The single word before the bracket still spells "CH"; "ASC" has no partner.
    assert pairs("the adult (ASC) and child (CH) social care teams met") == [("CH", "child")]


def test_bracket_written_onto_a_symbol_is_part_of_it() -> None:
    assert pairs("in the effective field H(eff) and the tidal volume (V(T))") == [("V(T)", "tidal volume")]
    assert pairs("the soluble ligand(SL) rose") == [("SL", "soluble ligand")]


def test_british_oe_spelling_and_a_locant_before_a_greek_letter() -> None:
    assert pairs("the serum oestriol (E3) and 16 alpha-oestrone (E1) levels") == [
        ("E3", "oestriol"), ("E1", "16 alpha-oestrone")]
    assert pairs("the oestrogen level (E2) and the aerial (E1)") == []
