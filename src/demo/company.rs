//! "Demo Metaal NV": a Ghent metalworking company with an office, a workshop and a Namur branch.
//! Fixed people; only the dates move with `today`.

use chrono::NaiveDate;

use super::builder::{Company, Site};
use super::{
    DemoPerson, born, days, first_of_month, fmt, last_of_month, monday_of, months, next_monday,
    student_regime, summer_end,
};

use Site::{Gent, Namur};

pub(super) fn build(today: NaiveDate) -> Vec<DemoPerson> {
    let t = today;
    // First of the month `n` months from today (negative: in the past).
    let fm = |n: i32| first_of_month(months(t, n));
    let mut c = Company::new(today);

    // ----- Management and heads of department -----

    c.hire(Gent, "Luc", "Vermeulen", "m", born(t, 58, 3, 14))
        .origin("Gent", "BE")
        .rrn(17)
        .iban(1, 2_345_671)
        .home("Latemstraat", "31", "", "9830", "Sint-Martens-Latem")
        .reach("+32 475 21 43 65", "luc.vermeulen@telenet.be")
        .job("Directie", "zaakvoerder", "", "white_collar", "200")
        .marital("married")
        .partner("Ann De Vos", born(t, 56, 9, 2), false)
        .contact("Ann De Vos", "echtgenote", "+32 476 33 12 09")
        .contract(
            "indefinite",
            fm(-240),
            None,
            "38",
            "ma–vr 8u–16u36",
            "6.800,00",
        );

    let sofie_start = fm(-99);
    c.hire(Gent, "Sofie", "De Smet", "f", born(t, 41, 7, 22))
        .origin("Gent", "BE")
        .rrn(124)
        .iban(363, 4_801_223)
        .home("Brusselsesteenweg", "218", "", "9050", "Gentbrugge")
        .reach("+32 486 55 20 17", "sofie.desmet@gmail.com")
        .job("HR", "HR-assistent", "E0001", "white_collar", "200")
        .marital("married")
        .partner("Bert Lippens", born(t, 43, 1, 30), false)
        .child("Mila Lippens", born(t, 10, 5, 11))
        .child("Finn Lippens", born(t, 7, 11, 3))
        .contact("Bert Lippens", "echtgenoot", "+32 494 18 72 60")
        .contract(
            "indefinite",
            sofie_start,
            None,
            "38",
            "ma–vr 8u30–16u36",
            "3.450,00",
        );

    c.hire(Gent, "Pieter", "Claeys", "m", born(t, 52, 10, 8))
        .origin("Eeklo", "BE")
        .rrn(33)
        .iban(734, 1_190_552)
        .home("Antwerpsesteenweg", "512", "", "9040", "Sint-Amandsberg")
        .reach("09 228 14 73", "pieter.claeys@skynet.be")
        .job(
            "Productie",
            "productieleider",
            "E0001",
            "white_collar",
            "200",
        )
        .marital("married")
        .partner("Katrien Baert", born(t, 50, 6, 19), false)
        .child("Lore Claeys", born(t, 17, 2, 14))
        .child("Wout Claeys", born(t, 21, 9, 27))
        .contact("Katrien Baert", "echtgenote", "+32 473 90 11 45")
        .contract(
            "indefinite",
            fm(-180),
            None,
            "38",
            "ma–vr 7u30–15u36",
            "5.200,00",
        );

    c.hire(Gent, "Annelies", "Wouters", "f", born(t, 47, 12, 1))
        .origin("Aalst", "BE")
        .rrn(58)
        .iban(68, 2_205_118)
        .home("Kerkstraat", "17", "", "9820", "Merelbeke")
        .reach("+32 472 80 91 34", "annelies.wouters@hotmail.com")
        .job(
            "Administratie",
            "hoofdboekhouder",
            "E0001",
            "white_collar",
            "200",
        )
        .marital("divorced")
        .child("Jasper Van Hecke", born(t, 14, 4, 23))
        .contact("Godelieve Wouters", "moeder", "09 231 56 78")
        .contract(
            "indefinite",
            fm(-144),
            None,
            "38",
            "ma–vr 8u30–16u36",
            "4.350,00",
        );

    c.hire(Namur, "François", "Lejeune", "m", born(t, 49, 2, 17))
        .origin("Namur", "BE")
        .rrn(71)
        .iban(1, 6_610_093)
        .home("Rue de Fer", "42", "", "5000", "Namur")
        .reach("+32 478 12 66 90", "francois.lejeune@proximus.be")
        .job(
            "Atelier",
            "responsable de site",
            "E0001",
            "white_collar",
            "200",
        )
        .marital("legal_cohabitant")
        .partner("Isabelle Collard", born(t, 47, 8, 5), false)
        .child("Louis Lejeune", born(t, 16, 3, 9))
        .child("Chloé Lejeune", born(t, 12, 12, 21))
        .contact("Isabelle Collard", "compagne", "+32 479 44 02 38")
        .contract(
            "indefinite",
            fm(-132),
            None,
            "38",
            "lu–ve 8h–16h06",
            "5.100,00",
        );

    c.hire(Gent, "Bart", "Van den Broeck", "m", born(t, 55, 5, 30))
        .origin("Lokeren", "BE")
        .rrn(9)
        .iban(737, 3_012_845)
        .home("Dendermondsesteenweg", "301", "", "9070", "Destelbergen")
        .reach("+32 477 25 81 09", "bart.vdbroeck@telenet.be")
        .job(
            "Onderhoud",
            "verantwoordelijke onderhoud",
            "E0003",
            "blue_collar",
            "111",
        )
        .marital("married")
        .partner("Hilde Verhoeven", born(t, 54, 10, 13), false)
        .contact("Hilde Verhoeven", "echtgenote", "+32 476 62 19 83")
        .contract(
            "indefinite",
            fm(-216),
            None,
            "38",
            "ma–vr 7u–15u06",
            "3.950,00",
        );

    c.hire(Gent, "Dirk", "Peeters", "m", born(t, 50, 1, 11))
        .origin("Gent", "BE")
        .rrn(45)
        .iban(973, 1_554_760)
        .home("Kapellestraat", "12", "", "9940", "Evergem")
        .reach("+32 468 31 27 74", "dirk.peeters@outlook.com")
        .job(
            "Logistiek",
            "magazijnverantwoordelijke",
            "E0001",
            "blue_collar",
            "111",
        )
        .marital("cohabiting")
        .partner("Nancy Willaert", born(t, 48, 4, 4), false)
        .child("Seppe Peeters", born(t, 13, 7, 16))
        .contact("Nancy Willaert", "partner", "+32 485 70 36 12")
        .contract("indefinite", fm(-192), None, "38", "ma–vr 7u36", "3.600,00");

    c.hire(Gent, "Els", "Janssens", "f", born(t, 44, 9, 19))
        .origin("Antwerpen", "BE")
        .rrn(86)
        .iban(734, 5_267_301)
        .home("Lange Koepoortstraat", "45", "", "2000", "Antwerpen")
        .reach("+32 495 14 63 88", "els.janssens@gmail.com")
        .job(
            "Verkoop",
            "verkoopverantwoordelijke",
            "E0001",
            "white_collar",
            "200",
        )
        .marital("married")
        .partner("Koen Martens", born(t, 46, 3, 3), false)
        .child("Noor Martens", born(t, 15, 1, 20))
        .child("Lars Martens", born(t, 12, 6, 2))
        .child("Fien Martens", born(t, 8, 10, 29))
        .contact("Koen Martens", "echtgenoot", "+32 497 20 55 41")
        .contract(
            "indefinite",
            fm(-108),
            None,
            "38",
            "ma–vr 8u30–16u36",
            "4.800,00",
        );

    // ----- Workshop, office and branch staff -----

    let ahmed_end = days(t, 24);
    let ahmed_start = next_monday(days(months(ahmed_end, -6), 1));
    c.hire(Gent, "Ahmed", "El Amrani", "m", born(t, 34, 6, 25))
        .origin("Gent", "BE")
        .rrn(123)
        .iban(363, 7_420_016)
        .home("Dampoortstraat", "45", "", "9000", "Gent")
        .reach("+32 466 19 40 52", "ahmed.elamrani@hotmail.com")
        .job("Productie", "lasser", "E0003", "blue_collar", "111")
        .marital("married")
        .partner("Samira Bakkali", born(t, 31, 11, 2), true)
        .child("Yasmine El Amrani", born(t, 6, 2, 8))
        .child("Adam El Amrani", born(t, 3, 8, 14))
        .contact("Samira Bakkali", "echtgenote", "+32 465 88 03 17")
        .contract(
            "fixed_term",
            ahmed_start,
            Some(ahmed_end),
            "38",
            "ma–vr 6u–14u06 (vroege ploeg)",
            "2.950,00",
        )
        .note(
            days(t, -10),
            false,
            format!(
                "Contract bepaalde duur loopt af op {}. Pieter wil verlengen met onbepaalde duur: voorstel klaarzetten.",
                fmt(ahmed_end)
            ),
        );

    let lotte_start = fm(-72);
    let lotte_indef = months(lotte_start, 6);
    let lotte_part = fm(-24);
    c.hire(Gent, "Lotte", "Maes", "f", born(t, 31, 4, 17))
        .origin("Deinze", "BE")
        .rrn(212)
        .iban(979, 3_380_457)
        .home("Meulestedesteenweg", "120", "", "9000", "Gent")
        .reach("+32 471 52 09 66", "lotte.maes@gmail.com")
        .job("Productie", "CNC-operator", "E0003", "blue_collar", "111")
        .marital("cohabiting")
        .partner("Jens De Wilde", born(t, 33, 12, 12), false)
        .child("Marie De Wilde", born(t, 3, 1, 25))
        .contact("Jens De Wilde", "partner", "+32 470 63 28 19")
        .seniority(months(lotte_start, -4))
        .contract(
            "fixed_term",
            lotte_start,
            Some(days(lotte_indef, -1)),
            "38",
            "ma–vr 7u36",
            "2.780,00",
        )
        .contract(
            "indefinite",
            lotte_indef,
            Some(days(lotte_part, -1)),
            "38",
            "ma–vr 7u36",
            "2.950,00",
        )
        .contract(
            "indefinite",
            lotte_part,
            None,
            "30h24",
            "ma, di, do, vr 7u36 — woe vrij (4/5)",
            "2.440,00",
        )
        .note(
            days(lotte_part, -30),
            false,
            "Loopbaanvermindering 4/5 aangevraagd (woensdag vrij); akkoord van Pieter. Uitzendperiode meegeteld voor anciënniteit.".into(),
        );

    c.hire(Gent, "Jan", "De Clercq", "m", born(t, 45, 8, 7))
        .origin("Gent", "BE")
        .doc(
            "medical_fitness",
            "Formulier voor de beoordeling van de gezondheid (lassen)",
            days(t, -340),
            Some(days(t, 25)),
        )
        .rrn(97)
        .iban(1, 8_812_334)
        .home("Gentstraat", "56", "", "9060", "Zelzate")
        .reach("+32 479 07 15 23", "jan.declercq@telenet.be")
        .job("Productie", "lasser", "E0003", "blue_collar", "111")
        .marital("divorced")
        .child("Robbe De Clercq", born(t, 11, 6, 30))
        .contact("Marleen Desmet", "zus", "+32 474 56 90 12")
        .contract(
            "indefinite",
            fm(-120),
            None,
            "38",
            "ma–vr 14u–22u06 (late ploeg)",
            "3.250,00",
        )
        .note(
            days(t, -1),
            false,
            "Belde ziek zonder attest: tweede attestvrije dag dit jaar (de laatste).".into(),
        );

    let mehmet_start = fm(-84);
    c.hire(Gent, "Mehmet", "Yılmaz", "m", born(t, 38, 3, 21))
        .origin("Emirdağ", "TR")
        .doc(
            "work_permit",
            "Gecombineerde vergunning (single permit)",
            days(t, -320),
            Some(days(t, 45)),
        )
        .rrn(151)
        .iban(68, 4_470_982)
        .home("Rabotstraat", "77", "", "9000", "Gent")
        .reach("+32 484 21 67 30", "mehmet.yilmaz@hotmail.com")
        .job("Productie", "CNC-operator", "E0003", "blue_collar", "111")
        .marital("married")
        .partner("Elif Yılmaz", born(t, 35, 5, 6), false)
        .child("Emir Yılmaz", born(t, 12, 10, 10))
        .child("Defne Yılmaz", born(t, 9, 3, 17))
        .child("Kerem Yılmaz", born(t, 4, 7, 1))
        .contact("Elif Yılmaz", "echtgenote", "+32 488 14 52 96")
        .contract(
            "indefinite",
            mehmet_start,
            None,
            "38",
            "ma–vr 7u36",
            "3.300,00",
        )
        .change(
            fm(-36),
            "Productie",
            "CNC-operator",
            "E0003",
            "Overplaatsing van Logistiek (magazijnier) naar Productie na interne CNC-opleiding",
        );

    c.hire(Gent, "Wim", "Verstraete", "m", born(t, 42, 11, 16))
        .origin("Deinze", "BE")
        .rrn(39)
        .iban(734, 6_093_418)
        .home("Hoogstraat", "23", "", "9800", "Deinze")
        .reach("+32 476 98 34 05", "wim.verstraete@skynet.be")
        .job(
            "Productie",
            "ploegbaas lassen",
            "E0003",
            "blue_collar",
            "111",
        )
        .marital("married")
        .partner("Evelien Dhondt", born(t, 41, 2, 22), false)
        .child("Kobe Verstraete", born(t, 13, 9, 12))
        .child("Lien Verstraete", born(t, 10, 4, 28))
        .contact("Evelien Dhondt", "echtgenote", "+32 496 37 81 50")
        .contract(
            "indefinite",
            fm(-156),
            None,
            "38",
            "ma–vr 6u–14u06 (vroege ploeg)",
            "3.650,00",
        )
        .change(
            fm(-24),
            "Productie",
            "ploegbaas lassen",
            "E0003",
            "Promotie van lasser tot ploegbaas van de lasafdeling",
        );

    let zoe_start = fm(-20);
    c.hire(Gent, "Zoë", "Van Damme", "f", born(t, 24, 2, 3))
        .origin("Gent", "BE")
        .rrn(6)
        .iban(363, 9_125_640)
        .home("Nederkouter", "31", "5", "9000", "Gent")
        .reach("+32 491 40 27 83", "zoe.vandamme@gmail.com")
        .job(
            "Verkoop",
            "commercieel medewerker",
            "E0008",
            "white_collar",
            "200",
        )
        .marital("single")
        .contact("Ingrid Van Damme", "moeder", "09 252 31 08")
        .contract(
            "fixed_term",
            zoe_start,
            Some(days(months(zoe_start, 12), -1)),
            "38",
            "ma–vr 8u30–16u36",
            "2.950,00",
        )
        .contract(
            "indefinite",
            months(zoe_start, 12),
            None,
            "38",
            "ma–vr 8u30–16u36",
            "3.100,00",
        );

    c.hire(Gent, "Ünal", "Çelik", "m", born(t, 29, 9, 9))
        .origin("Gent", "BE")
        .rrn(77)
        .iban(1, 4_038_271)
        .home("Francisco Ferrerlaan", "210", "", "9000", "Gent")
        .reach("+32 487 33 60 14", "unal.celik@outlook.com")
        .job(
            "Logistiek",
            "heftruckchauffeur",
            "E0007",
            "blue_collar",
            "111",
        )
        .marital("married")
        .partner("Büşra Çelik", born(t, 27, 1, 19), false)
        .child("Ela Çelik", born(t, 2, 5, 27))
        .contact("Büşra Çelik", "echtgenote", "+32 489 70 12 45")
        .contract("indefinite", fm(-48), None, "38", "ma–vr 7u36", "2.900,00");

    c.hire(Namur, "Giovanni", "Russo", "m", born(t, 57, 4, 29))
        .preferred("Gianni")
        .origin("Seraing", "IT")
        .doc(
            "id_card",
            "Carte de séjour E+",
            days(t, -3640),
            Some(days(t, 12)),
        )
        .rrn(143)
        .iban(1, 9_902_117)
        .home("Rue Saint-Gilles", "245", "", "4000", "Liège")
        .reach("04 223 18 90", "gianni.russo@skynet.be")
        .job("Atelier", "soudeur", "E0005", "blue_collar", "111")
        .marital("married")
        .partner("Carmela Russo", born(t, 56, 7, 12), false)
        .contact("Carmela Russo", "épouse", "+32 477 61 09 33")
        .contract("indefinite", fm(-228), None, "38", "lu–ve 7h36", "3.400,00");

    c.hire(Namur, "Céline", "Dupont", "f", born(t, 36, 10, 4))
        .origin("Namur", "BE")
        .rrn(168)
        .iban(68, 1_786_530)
        .home("Avenue Jean Materne", "88", "", "5100", "Jambes")
        .reach("081 30 45 72", "celine.dupont@yahoo.fr")
        .job(
            "Administration",
            "employée administrative",
            "E0005",
            "white_collar",
            "200",
        )
        .marital("single")
        .child("Léa Dupont", born(t, 9, 8, 18))
        .contact("Martine Dupont", "mère", "+32 475 82 14 67")
        .contract(
            "indefinite",
            fm(-60),
            None,
            "19",
            "lu–ve 8h–11h48 (mi-temps)",
            "1.475,00",
        );

    let julien_end = months(t, 2);
    c.hire(Namur, "Julien", "Lambert", "m", born(t, 27, 5, 15))
        .origin("Namur", "BE")
        .rrn(55)
        .iban(973, 6_240_019)
        .home("Rue de la Carrière", "18", "", "5020", "Malonne")
        .reach("+32 493 26 74 01", "julien.lambert@gmail.com")
        .job("Atelier", "opérateur CNC", "E0005", "blue_collar", "111")
        .marital("cohabiting")
        .partner("Manon Leroy", born(t, 26, 12, 30), false)
        .contact("Manon Leroy", "compagne", "+32 492 51 38 66")
        .contract(
            "fixed_term",
            next_monday(days(months(julien_end, -6), 1)),
            Some(julien_end),
            "38",
            "lu–ve 7h36",
            "2.750,00",
        );

    c.hire(Gent, "Nadia", "Bouzidi", "f", born(t, 33, 12, 10))
        .origin("Brussel", "BE")
        .rrn(190)
        .iban(363, 2_561_803)
        .home(
            "Koninklijke Sint-Mariastraat",
            "96",
            "2",
            "1030",
            "Schaarbeek",
        )
        .reach("+32 488 09 63 21", "nadia.bouzidi@gmail.com")
        .job(
            "Administratie",
            "boekhouder",
            "E0004",
            "white_collar",
            "200",
        )
        .marital("married")
        .partner("Karim Haddou", born(t, 35, 6, 6), false)
        .child("Ines Haddou", born(t, 1, 3, 26))
        .contact("Karim Haddou", "echtgenoot", "+32 486 47 15 92")
        .contract(
            "indefinite",
            fm(-38),
            None,
            "38",
            "ma–vr 8u30–16u36",
            "3.500,00",
        );

    let absent_since = days(t, -152);
    c.hire(Gent, "Patrick", "Mertens", "m", born(t, 59, 6, 1))
        .origin("Gent", "BE")
        .rrn(61)
        .iban(734, 8_354_276)
        .home("Dorp-Oost", "5", "", "9080", "Lochristi")
        .reach("09 355 62 80", "patrick.mertens@telenet.be")
        .job("Onderhoud", "onderhoudstechnieker", "E0006", "blue_collar", "111")
        .marital("married")
        .partner("Rita Claes", born(t, 58, 11, 24), false)
        .contact("Rita Claes", "echtgenote", "+32 478 23 94 51")
        .status("long_absence")
        .contract("indefinite", fm(-168), None, "38", "ma–vr 7u–15u06", "3.550,00")
        .note(
            days(t, -20),
            true,
            format!(
                "Arbeidsongeschikt sinds {}. Re-integratietraject opgestart met de arbeidsarts; volgende opvolging over twee maanden. Niet delen met de ploeg.",
                fmt(absent_since)
            ),
        );

    c.hire(Gent, "Jonas", "Hermans", "m", born(t, 25, 7, 23))
        .origin("Gent", "BE")
        .rrn(213)
        .iban(979, 5_117_390)
        .home("Botestraat", "102", "", "9032", "Wondelgem")
        .reach("+32 470 85 42 16", "jonas.hermans@gmail.com")
        .job(
            "Onderhoud",
            "onderhoudstechnieker",
            "E0006",
            "blue_collar",
            "111",
        )
        .marital("single")
        .contact("Hilde Hermans", "moeder", "+32 473 12 08 57")
        .contract(
            "replacement",
            fm(-4),
            None,
            "38",
            "ma–vr 7u–15u06 — vervanging van P. Mertens (E0020)",
            "2.800,00",
        );

    let tomasz_start = days(monday_of(t), -7);
    c.hire(Gent, "Tomasz", "Kowalski", "m", born(t, 35, 10, 27))
        .origin("Katowice", "PL")
        .receipt_pending()
        .lang("en")
        .iban(363, 6_675_204)
        .home("Wondelgemstraat", "54", "2", "9000", "Gent")
        .reach("+32 465 30 91 77", "tomasz.kowalski@wp.pl")
        .job("Productie", "lasser", "E0013", "blue_collar", "111")
        .marital("married")
        .partner("Anna Kowalska", born(t, 33, 4, 8), true)
        .child("Zofia Kowalska", born(t, 7, 9, 14))
        .child("Jakub Kowalski", born(t, 4, 2, 2))
        .contact("Anna Kowalska", "wife", "+48 601 234 567")
        .contract("indefinite", tomasz_start, None, "38", "ma–vr 7u36", "3.000,00")
        .note(
            days(tomasz_start, 2),
            false,
            "Arbeidsreglement overhandigd op de eerste werkdag; getekend ontvangstbewijs nog niet terug. BIS-nummer aangevraagd via Dimona.".into(),
        );

    c.hire(Gent, "Bram", "Coppens", "m", born(t, 28, 1, 6))
        .origin("Wetteren", "BE")
        .home("Kerkstraat", "8", "", "9230", "Wetteren")
        .reach("+32 498 47 25 60", "bram.coppens@gmail.com")
        .job("Productie", "CNC-operator", "E0003", "blue_collar", "111")
        .marital("single")
        .contract(
            "indefinite",
            next_monday(days(t, 3)),
            None,
            "38",
            "ma–vr 7u36",
            "3.050,00",
        )
        .signed(days(t, -2));

    let student_tomorrow = days(t, 1);
    let (lucas_hours, lucas_schedule, lucas_gross) = student_regime(student_tomorrow, false);
    c.hire(Gent, "Lucas", "Willems", "m", born(t, 19, 4, 2))
        .origin("Gent", "BE")
        .rrn(87)
        .iban(734, 9_930_145)
        .home("Sint-Denijslaan", "77", "", "9000", "Gent")
        .reach("+32 499 61 30 84", "lucas.willems@gmail.com")
        .job("Productie", "jobstudent", "E0003", "student", "111")
        .marital("single")
        .contact("Veerle Willems", "moeder", "+32 476 15 42 99")
        .contract(
            "student",
            student_tomorrow,
            Some(summer_end(student_tomorrow)),
            lucas_hours,
            lucas_schedule,
            lucas_gross,
        );

    let amber_start = days(monday_of(t), -9);
    let (amber_hours, amber_schedule, amber_gross) = student_regime(amber_start, false);
    c.hire(Gent, "Amber", "Hendrickx", "f", born(t, 20, 11, 28))
        .origin("Sint-Niklaas", "BE")
        .rrn(164)
        .iban(363, 1_048_826)
        .home("Overpoortstraat", "12", "4", "9000", "Gent")
        .reach("+32 468 90 57 13", "amber.hendrickx@hotmail.com")
        .job("Administratie", "jobstudent", "E0004", "student", "200")
        .marital("single")
        .contact("Peter Hendrickx", "vader", "+32 475 39 20 61")
        .contract(
            "student",
            amber_start,
            Some(summer_end(amber_start.max(t))),
            amber_hours,
            amber_schedule,
            amber_gross,
        );

    let robbe_start = days(monday_of(t), -42);
    c.hire(Gent, "Robbe", "Smets", "m", born(t, 21, 8, 11))
        .origin("Gent", "BE")
        .rrn(29)
        .home("Hundelgemsesteenweg", "19", "", "9050", "Ledeberg")
        .reach("+32 497 82 14 36", "robbe.smets@student.hogent.be")
        .job(
            "Onderhoud",
            "stagiair elektromechanica",
            "E0006",
            "intern",
            "",
        )
        .marital("single")
        .contact("Dirk Smets", "vader", "09 230 74 18")
        .contract(
            "fixed_term",
            robbe_start,
            Some(days(robbe_start, 88)),
            "38",
            "ma–vr 7u36 (stage HOGENT)",
            "",
        );

    // ----- People who left (the store archives them) -----

    let thomas_end = last_of_month(months(t, -7));
    c.hire(Gent, "Thomas", "Lemmens", "m", born(t, 39, 3, 5))
        .origin("Brugge", "BE")
        .rrn(103)
        .iban(1, 5_561_928)
        .home("Langestraat", "112", "", "8000", "Brugge")
        .reach("+32 472 64 18 09", "thomas.lemmens@gmail.com")
        .job("Logistiek", "magazijnier", "E0007", "blue_collar", "111")
        .marital("cohabiting")
        .partner("Eline Jacobs", born(t, 37, 7, 7), false)
        .contact("Eline Jacobs", "partner", "+32 471 27 93 40")
        .contract(
            "indefinite",
            fm(-50),
            Some(thomas_end),
            "38",
            "ma–vr 7u36",
            "2.780,00",
        )
        .left(
            thomas_end,
            "employee",
            "Ontslag door de werknemer: nieuwe job dichter bij huis",
            "6",
        );

    let sarah_end = last_of_month(months(t, -14));
    c.hire(Gent, "Sarah", "Vandenberghe", "f", born(t, 37, 5, 20))
        .origin("Leuven", "BE")
        .rrn(148)
        .iban(68, 7_730_264)
        .home("Naamsestraat", "61", "", "3000", "Leuven")
        .reach("+32 494 02 76 35", "sarah.vandenberghe@outlook.com")
        .job(
            "Verkoop",
            "commercieel medewerker",
            "E0008",
            "white_collar",
            "200",
        )
        .marital("single")
        .contact("Marc Vandenberghe", "vader", "016 22 41 87")
        .contract(
            "indefinite",
            fm(-74),
            Some(sarah_end),
            "38",
            "ma–vr 8u30–16u36",
            "3.400,00",
        )
        .left(
            sarah_end,
            "mutual",
            "Beëindiging in onderling akkoord (overstap naar een klant)",
            "",
        );

    let youssef_start = fm(-10);
    let youssef_end = days(months(youssef_start, 6), -1);
    c.hire(Gent, "Youssef", "Ouali", "m", born(t, 26, 1, 13))
        .origin("Brussel", "BE")
        .rrn(65)
        .iban(979, 2_846_513)
        .home("Hoogstraat", "180", "", "1000", "Brussel")
        .reach("+32 489 53 17 02", "youssef.ouali@hotmail.com")
        .job("Productie", "lasser", "E0013", "blue_collar", "111")
        .marital("single")
        .contact("Fatima Ouali", "moeder", "+32 485 11 60 29")
        .contract(
            "fixed_term",
            youssef_start,
            Some(youssef_end),
            "38",
            "ma–vr 14u–22u06 (late ploeg)",
            "2.850,00",
        )
        .left(
            youssef_end,
            "end_of_term",
            "Einde contract van bepaalde duur, niet verlengd",
            "",
        );

    let sebastien_end = last_of_month(months(t, -2));
    c.hire(Namur, "Sébastien", "Renard", "m", born(t, 46, 12, 19))
        .origin("Charleroi", "BE")
        .rrn(111)
        .iban(1, 3_347_805)
        .home("Rue Émile Vandervelde", "14", "", "4100", "Seraing")
        .reach("+32 474 88 20 51", "sebastien.renard@skynet.be")
        .job("Atelier", "soudeur", "E0005", "blue_collar", "111")
        .marital("divorced")
        .contact("Aurélie Renard", "sœur", "+32 476 05 93 28")
        .contract(
            "indefinite",
            fm(-44),
            Some(sebastien_end),
            "38",
            "lu–ve 7h36",
            "3.150,00",
        )
        .left(
            sebastien_end,
            "employer",
            "Licenciement : réorganisation de l'atelier de Namur",
            "13",
        )
        .note(
            days(sebastien_end, 2),
            false,
            "Documents de sortie envoyés : C4, attestation de vacances, compte individuel.".into(),
        );

    // Left more than five years ago: her retention period is over, so Today asks to erase her
    // personal data (`dossier privacy erase`).
    let ilse_end = last_of_month(months(t, -64));
    c.hire(Gent, "Ilse", "Goossens", "f", born(t, 52, 9, 2))
        .origin("Aalst", "BE")
        .rrn(172)
        .iban(1, 4_419_306)
        .home("Kerkstraat", "9", "", "9300", "Aalst")
        .reach("+32 477 31 62 08", "ilse.goossens@telenet.be")
        .job(
            "Administratie",
            "bediende boekhouding",
            "E0001",
            "white_collar",
            "200",
        )
        .marital("single")
        .contract(
            "indefinite",
            fm(-130),
            Some(ilse_end),
            "38",
            "ma–vr 8u30–16u36",
            "2.950,00",
        )
        .left(
            ilse_end,
            "employee",
            "Ontslag door de werknemer: verhuis naar Spanje",
            "",
        );

    c.finish()
}
