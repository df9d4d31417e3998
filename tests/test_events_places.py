"""Where an event happened: place rules on short invented sentences in the style of the news.

Each case states by hand which places EVENTS.md asks for (one event per place of a
coordinated list; a place that only locates the one before it is no place of the event).
"""

from __future__ import annotations

from sentences import events_of


def places(resources, text: str) -> list[str]:
    return sorted({e.place for e in events_of(resources, text)})


def test_a_direction_with_the_article_qualifies_the_place_before_it(resources):
    # "الجنوبي" is the adjective of "ريف إدلب": it makes "بلدة سلحب" no "south of" place,
    # and the "و" on "بلدة" coordinates the village with the first one
    text = "قصفت المدفعية السورية مواقع المسلحين في بلدة كفرنبل بريف إدلب الجنوبي وبلدة سلحب في ريف حماة."
    assert places(resources, text) == ["سلحب", "كفرنبل"]


def test_a_feature_word_carrying_and_coordinates_its_place(resources):
    text = "استهدفت غارات أميركية الأحياء السكنية في البوكمال وحي الصناعة في دير الزور."
    assert places(resources, text) == ["البوكمال", "حي الصناعة"]


def test_two_directions_joined_by_and_locate_one_place(resources):
    # "جنوب وغرب محافظة تعز": the "و" joins two directions, not a second place
    text = "شن العدوان غارات على مديريتي مقبنة وحيفان جنوب وغرب محافظة تعز."
    assert places(resources, text) == ["حيفان", "مقبنة"]


def test_a_direction_with_the_article_relates_a_name_after_li(resources):
    event = events_of(resources, "تقدم الجيش السوري في الريف الشمالي لحماة.")
    assert [e.place for e in event] == ["حماة"]


def test_a_plant_named_by_what_it_does_is_located_by_the_town(resources):
    # "محطة توليد الكهرباء": a description, not the name of a site
    text = "قصفت طائرات مسيّرة محطة توليد الكهرباء في مدينة حمص."
    assert places(resources, text) == ["حمص"]


def test_the_same_site_again_is_no_new_name(resources):
    # "القاعدة نفسها" points back at the base named before; it is no base named "نفسها"
    text = "تعرضت قاعدة التنف لهجوم أمس. واليوم، أفاد مراسلنا بأنّ قصفاً صاروخياً استهدف القاعدة نفسها."
    assert "نفسها" not in places(resources, text)


def test_a_feature_word_with_a_pronoun_suffix_names_no_place(resources):
    # "قريتهم": their village, named in the sentence before; "هم" is no village
    text = "نزح الأهالي من بلدة معرشمشة. وقصفت قوات النظام قريتهم بالمدفعية الثقيلة أمس."
    found = places(resources, text)
    assert "هم" not in found
    assert not any(p.endswith(" ها") or p in ("ه", "ها", "نا") for p in found)


def test_a_free_pronoun_is_no_place_name(resources):
    text = "قصفت المدفعية السورية بلدة هم أهلها منذ أمس."
    assert "هم" not in places(resources, text)


def test_a_known_name_right_after_a_known_name_makes_one_compound_name(resources):
    # "حويجة البصيرة": the river island by Busayra, one place (both words are gazetteer names)
    text = "قصفت قوات النظام بلدة حويجة البصيرة بالمدفعية الثقيلة أمس."
    assert places(resources, text) == ["حويجة البصيرة"]


def test_the_two_ends_of_a_route_stay_two_places(resources):
    text = "هاجم تنظيم داعش نقاطاً للجيش السوري على محور الطيبة السخنة في بادية حمص."
    assert places(resources, text) == ["السخنة", "الطيبة"]


def test_a_feature_word_with_the_article_heads_no_unknown_name(resources):
    # "المطار وخروجه", "الحقل المحتل": the site named before, described; no site of that name
    text = "قصفت طائرات مسيرة مدرج المطار وخروجه عن الخدمة، وضربت صواريخ الحقل المحتل."
    found = places(resources, text)
    assert not any("وخروجه" in p or "المحتل" in p for p in found)


def test_a_quoted_name_right_after_a_feature_word_with_the_article_is_read(resources):
    text = 'استهدفت المقاومة بطائرة مسيرة القاعدة "الخضراء" في ريف الحسكة.'
    assert "الخضراء" in " ".join(places(resources, text))


def test_an_indefinite_noun_with_tanween_names_no_place(resources):
    # a tally of sites struck: "ميناءً" is counted, not named; "مولداً" is no name
    text = "وقال المتحدث إنّ طائرات العدوان استهدفت 12 ميناءً و40 محطةً ومولداً كهربائياً."
    found = places(resources, text)
    assert not any("مولدا" in p or "ميناء" in p for p in found)


def test_what_a_site_was_or_whom_a_camp_holds_is_no_name(resources):
    text = "وأنشأت القوات التركية نقطة في موقع قاعدة سابقة للقوات الأميركية قرب تل تمر."
    assert "سابقة" not in places(resources, text)
    text = "قصفت طائرات الاحتلال مخيم النازحين في رفح."
    assert places(resources, text) == ["رفح"]


def test_a_word_with_kasra_tanween_is_no_known_place(resources):
    # "بجراحٍ": with wounds; the gazetteer's village of that spelling takes no tanween
    text = "وأعلنت سرايا القدس إصابة 3 من جنود الاحتلال بجراحٍ بالغة، في اشتباك مسلح نفذته مجموعة تابعة لها."
    assert not any(p.startswith("جراح") for p in places(resources, text))


def test_the_outlet_told_something_is_no_place(resources):
    # "للميادين": told to the channel, not anything done in the town of that name
    text = "وقال القيادي في تصريحات للميادين إنّ القوات الأميركية قصفت مواقع الفصائل في البوكمال."
    assert "ميادين" not in " ".join(places(resources, text))


def test_a_source_stop_word_before_a_name_does_not_locate_it(resources):
    # "وكان" holds the stop word "ان": a man's name after it is no place of the strike
    text = "وكان عبد السلام قد كتب أن طائرات الاحتلال قصفت مواقع المقاومة."
    assert "عبد السلام" not in places(resources, text)


def test_a_name_after_a_title_or_a_first_name_is_a_persons_name(resources):
    # "نصر الله" and "سلمان" are villages of the gazetteer; here they end a man's name
    text = "وقال السيد حسن نصر الله إنّ المقاومة قصفت مواقع الاحتلال بالصواريخ."
    assert "نصر الله" not in places(resources, text)
    text = "واتهم محمد بن سلمان الحوثيين بقصف المنشآت النفطية."
    assert "سلمان" not in places(resources, text)


def test_a_name_that_is_a_common_word_needs_a_locative_word(resources):
    # "الحجارة", "تلا" and "الصدد" are gazetteer places and ordinary words (stones, followed,
    # regard): bare or after a glued "ب" they are the words; "في الضمير" is the town
    text = "وتصدى الأهالي لرتل من قوات الاحتلال بالحجارة صباح اليوم."
    assert not any("حجار" in p for p in places(resources, text))
    text = "وتلا الهجوم قصف مدفعي على مواقع المسلحين."
    assert "تلا" not in places(resources, text)
    text = "وفي هذا الصدد، قصفت الطائرات مواقع المسلحين."
    assert "الصدد" not in places(resources, text)
    text = "وقصفت الطائرات مواقع المسلحين في الضمير."
    assert "الضمير" in places(resources, text)


def test_a_noun_with_the_pronoun_ha_is_no_town_spelled_with_ta_marbuta(resources):
    # "حديثه" (his talk) folds like the town "حديثة"; the plain "ه" written tells them apart
    text = "وأوضح الخبير العسكري في حديثه عن الغارة التي ضربت القاعدة الأميركية أنّ الرد قادم."
    assert "حديثه" not in places(resources, text)
    text = "وقصفت طائرات التحالف مواقع داعش في حديثة غربي الأنبار."
    assert "حديثة" in places(resources, text)


def test_a_name_after_abu_is_a_persons_kunya(resources):
    # "زايد" is a gazetteer place; after "أبو" (no gazetteer name "أبو زايد") it ends a kunya
    text = "وقال محمد أبو زايد إنّ طائرات الاحتلال قصفت المنازل."
    assert "زايد" not in places(resources, text)


def test_an_adjective_agreeing_with_its_feature_word_is_no_name(resources):
    # "العالية" is a gazetteer village; after "المناطق" (both with the article) it is
    # the adjective; the article on the name alone ("بلدة الجديدة") still names a village
    text = "وقصفت المدفعية المناطق العالية المحيطة بالبلدة."
    assert "العالية" not in places(resources, text)
    text = "وقصفت المدفعية مواقع المسلحين في بلدة الجديدة."
    assert places(resources, text) == ["الجديدة"]


def test_a_preposition_glued_on_the_word_after_a_feature_word_breaks_the_name(resources):
    # "صورة" is a gazetteer village read only after a feature word; "القرية بصورة" is
    # "the village, intensely": the "ب" ends the construct
    text = "واستهدفت المدفعية القرية بصورة مكثفة."
    assert "صورة" not in places(resources, text)


def test_on_the_brink_of_is_no_village(resources):
    # "شفا" is a gazetteer village and the idiom "على شفا" (on the brink of): a common word
    text = "وقصفت المدفعية مواقع المسلحين وباتت البلاد على شفا حرب."
    assert "شفا" not in places(resources, text)


def test_a_two_word_name_opening_with_a_title_needs_a_locative_word(resources):
    # "الشيخ إبراهيم" is a gazetteer village and a man: with no locative word, the man;
    # "في بلدة الشيخ إبراهيم" is the village
    text = "واتهم الشيخ إبراهيم قوات قسد بقصف منازل المدنيين."
    assert "الشيخ إبراهيم" not in places(resources, text)
    text = "وقصفت قوات قسد منازل المدنيين في بلدة الشيخ إبراهيم."
    assert "الشيخ إبراهيم" in places(resources, text)


def test_idioms_and_words_opening_with_waw_are_no_villages(resources):
    # "في الحسبان" (taken into account) and "وتيرة" (pace, not "و" + the village "تيرة")
    text = "وأكد أن قصف المطار يجب أخذه في الحسبان."
    assert "الحسبان" not in places(resources, text)
    text = "وقصفت الطائرات مواقع المسلحين في مدينة حلب وتيرة متصاعدة."
    assert places(resources, text) == ["حلب"]


def test_a_name_before_a_first_name_is_a_persons_name(resources):
    # "عز الدين" is a gazetteer village; before the father's first name it is a man
    text = "وقتل الشاب عز الدين حسين بقصف مدفعي على منزله."
    assert "عز الدين" not in places(resources, text)
    # a place then the name of the man who serves there stays a place
    text = "وقال المسؤول في اليمن محمد الحوثي إنّ طائرات العدوان قصفت صعدة."
    assert "صعدة" in places(resources, text)


def test_a_word_opening_with_ba_is_no_ba_before_a_village(resources):
    # "بارزة" (prominent) reads "ب" + the village "أرزة"; with no locative word, the adjective
    text = "واستهدفت غارة إسرائيلية قيادات بارزة في المقاومة."
    assert not any("رزة" in p for p in places(resources, text))
