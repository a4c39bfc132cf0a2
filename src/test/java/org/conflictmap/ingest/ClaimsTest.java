package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Claim attribution, one edge case a fixture: who said it, for which party, about whose losses. */
class ClaimsTest {

    /** "party:side:field:value" of every figure of the text, with paragraph and pronoun carry-over. */
    static List<String> claims(String text, String country) {
        Claims.Reader reader = new Claims.Reader(text, null);
        List<String> out = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.split(text)) {
            Claims.Speaker who = reader.speaker(s);
            for (Claims.Stated c : Claims.of(s, reader.voices(s, who), country, true)) {
                out.add(c.speaker().party() + ":" + c.side() + ":" + c.figure().field() + ":"
                        + c.figure().value());
            }
        }
        return out;
    }

    @Test
    void aReportingVerbWithoutThatOpensTheReportedClauseWhoseSubjectSpeaks() {
        assertThat(Claims.subject("Tahir Khan, a journalist based in Pakistan, said Pakistani media"))
                .isEqualTo("Pakistani media");
        assertThat(Claims.subject("The commander added the army")).isEqualTo("The commander added the army");
        String text =
                "Tahir Khan, a journalist based in Pakistan, said Pakistani media claimed one Taliban fighter was "
                        + "killed in the latest clash.";
        Claims.Reader reader = new Claims.Reader(text, null);
        List<String> claimants = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.split(text)) {
            for (Claims.Stated c : Claims.of(s, reader.voices(s, reader.speaker(s)), "AF", true)) {
                claimants.add(c.speaker().claimant() + ":" + c.figure().field() + ":"
                        + c.figure().value());
            }
        }
        assertThat(claimants).containsExactly("Pakistani media:killed:1");
    }

    @Test
    void aProvincialOfficialAndAMinistryAreTwoClaimants() {
        assertThat(claims(
                        "Mortar rounds landed in a camp near the Torkham crossing on Thursday night. "
                                + "Seven refugees were wounded, the provincial information chief said. "
                                + "Thirteen civilians were wounded, according to the Afghan defence ministry.",
                        "AF"))
                .containsExactly("local_official:civilians:wounded:7", "af_government:civilians:wounded:13");
    }

    @Test
    void heResolvesToTheNamedSpokesmanAndDenialsAreZero() {
        assertThat(claims(
                        "Pakistan's prime minister's spokesman, Mosharraf Zaidi, rejected the Afghan account. He said no Pakistani "
                                + "post had fallen and no soldier had been captured, and claimed that 133 Afghan fighters were killed, more than 200 "
                                + "wounded and 27 Afghan posts destroyed.",
                        "AF"))
                .containsExactly(
                        "pk_government:pk_forces:posts_captured:0",
                        "pk_government:pk_forces:captured:0",
                        "pk_government:af_forces:killed:133",
                        "pk_government:af_forces:wounded:200",
                        "pk_government:af_forces:posts_destroyed:27");
    }

    @Test
    void dozensHasNoFigureAndOwnLossesAreOwnSide() {
        assertThat(claims(
                        "“Dozens of Afghan Taliban fighters were killed and 11 of their posts were destroyed,” Mosharraf Zaidi "
                                + "wrote on X. Two Pakistani soldiers were wounded, he said.",
                        "PK"))
                .containsExactly(
                        "pk_government:af_forces:killed:null",
                        "pk_government:af_forces:posts_destroyed:11",
                        "pk_government:pk_forces:wounded:2");
    }

    @Test
    void aRelayedClaimKeepsItsSourceAndAnActiveVerbHitsTheOtherSide() {
        assertThat(claims(
                        "The Afghan Defense Ministry said its forces seized 17 Pakistani army posts and killed 40 soldiers.",
                        "AF"))
                .containsExactly("af_government:pk_forces:posts_captured:17", "af_government:pk_forces:killed:40");
    }

    @Test
    void aQuotedNounStillCountsAndALedeBodyWithNobodyBeforeItIsTheClaimant() {
        assertThat(claims(
                        "Pakistani troops raided a hideout, killing 25 \"terrorists\", the military said. "
                                + "He said \"dozens\" of Pakistani soldiers were killed.",
                        "PK"))
                .containsExactly("pk_government:militants:killed:25", "pk_government:pk_forces:killed:null");
    }

    @Test
    void aRangeKeepsItsLowerFigureAndTheHeadAndHisDeputyAreTwo() {
        List<Figures.Figure> range = Figures.of("Between 10 and 15 people were wounded in the strikes.", 0);
        assertThat(range)
                .extracting(Figures.Figure::field, Figures.Figure::value, Figures.Figure::bound)
                .containsExactly(tuple("wounded", 10, "between 10 and 15"));
        assertThat(Figures.of("Shells hit the village, killing the head of its council and his deputy.", 0))
                .extracting(Figures.Figure::field, Figures.Figure::value)
                .containsExactly(tuple("killed", 2));
    }

    @Test
    void aRoleThenANameIsThePersonAndTheirAntecedentGivesTheSide() {
        assertThat(claims(
                        "A spokesman for the 203rd Mansoori Corps, Mohammad Yousuf, said two Afghan border guards were wounded. "
                                + "A Pakistani security official said the strike targeted commanders of the Pakistani Taliban, and that three of them "
                                + "had been killed.",
                        "AF"))
                .containsExactly("af_government:af_forces:wounded:2", "pk_government:militants:killed:3");
    }

    @Test
    void theReportersNoCasualtiesIsNoClaimButAPartysLostNoPostsIsADenial() {
        assertThat(claims("Forces clashed near the crossing, residents said. No casualties were reported.", "AF"))
                .isEmpty();
        assertThat(claims("A spokesman for the provincial police chief said Afghan forces had lost no posts.", "AF"))
                .containsExactly("local_official:af_forces:posts_captured:0");
    }

    @Test
    void thePakistaniTalibanIsAnArmedGroupAndPoliceAttackersAreMilitants() {
        assertThat(claims(
                        "The Pakistani Taliban claimed the attack, saying its fighters had killed five policemen. "
                                + "Police said two of the attackers were also killed.",
                        "PK"))
                .containsExactly("armed_group:pk_forces:killed:5", "local_official:militants:killed:2");
    }

    @Test
    void aTollIncludingAGroupWithoutCommasIsTheWholeTollAndLostTheirLivesIsKilled() {
        assertThat(claims(
                        "Five civilians including three children were killed, a provincial spokesman said. "
                                + "\"Three people, including a woman, lost their lives and 12 were injured,\" the deputy commissioner said.",
                        "AF"))
                .containsExactly(
                        "local_official:civilians:killed:5",
                        "local_official:civilians:killed:3",
                        "local_official:civilians:wounded:12");
    }

    @Test
    void whoseMenANounNamesAfterItGivesTheSide() {
        assertThat(claims(
                        "Afghanistan's defence ministry said three soldiers of the Islamic Emirate were martyred. "
                                + "A Pakistani security official said the strike killed two commanders of the Pakistani Taliban. "
                                + "The ISPR said 12 khwarij were sent to hell.",
                        "AF"))
                .containsExactly(
                        "af_government:af_forces:killed:3",
                        "pk_government:militants:killed:2",
                        "pk_government:militants:killed:12");
    }

    @Test
    void aDoubleDatelineIsCutOff() {
        String text = "KABUL/ISLAMABAD, Jan 13 (Reuters) - Pakistani air strikes hit two Afghan provinces overnight.";
        assertThat(text.substring(Sentences.dateline(text))).startsWith("Pakistani air strikes");
    }

    @Test
    void aDenialOfAnyLossOrAnyCivilianHitIsZeroButADenialOfIntentOrOfAClaimIsNothing() {
        assertThat(claims(
                        "Pakistan's army said it had struck only militant hideouts and denied hitting any civilian targets.",
                        "AF"))
                .containsExactly("pk_government:civilians:killed:0");
        assertThat(claims(
                        "The Afghan defence ministry denied losing any posts in the exchange. "
                                + "It also denied losing any soldiers, and denied losing any aircraft.",
                        "AF"))
                .containsExactly(
                        "af_government:af_forces:posts_captured:0",
                        "af_government:af_forces:killed:0",
                        "af_government:af_forces:aircraft_downed:0");
        assertThat(claims(
                        "Islamabad rejected the claims as baseless. Pakistan's foreign office denied targeting civilians.",
                        "AF"))
                .isEmpty();
    }

    @Test
    void aQuoteAfterItsAttributionAndAQuoteRunningOverParagraphsKeepTheirSpeaker() {
        assertThat(claims(
                        "Our forces held the line, the Frontier Corps said in a statement from Quetta. \"Some 25 Afghan Taliban and "
                                + "khwarij were killed.\"\n\n\"Four of our men were martyred and two posts were damaged.\"\n\n"
                                + "\"We will respond again,\" Zabihullah Mujahid said. \"Seven soldiers were injured.\"",
                        "PK"))
                .containsExactly(
                        "pk_government:af_forces:killed:25",
                        "pk_government:pk_forces:killed:4",
                        "af_government:af_forces:wounded:7");
    }

    @Test
    void aParagraphOpeningAQuoteWhoseSpeakerComesAfterItIsNotTheLastSpeakers() {
        assertThat(claims(
                        "Pakistan's military said it had repelled the attack.\n\n"
                                + "\"Three of our soldiers were wounded,\" a district police chief in Khost said.",
                        "AF"))
                .containsExactly("local_official:af_forces:wounded:3");
    }

    @Test
    void aBodyNamedBackAfterAccordingToIsTheBodyNamedBefore() {
        assertThat(claims(
                        "Enayatullah Khwarazmi, spokesman for the Ministry of National Defense, said the attack was repelled.\n\n"
                                + "Pakistani security sources said three soldiers were injured.\n\n"
                                + "Last month's fighting left 23 Pakistani soldiers dead, according to the ministry.",
                        "AF"))
                .containsExactly("pk_government:pk_forces:wounded:3", "af_government:pk_forces:killed:23");
        assertThat(claims(
                        "Pakistani shells hit two villages in Afghanistan's Kunar province, killing three civilians, according to officials.",
                        "AF"))
                .containsExactly("af_government:civilians:killed:3");
    }

    @Test
    void twoNounsUnderOneFigureAreOneClaimButTwoFiguresStayTwo() {
        assertThat(claims(
                        "The ISPR said more than 20 Afghan Taliban and khwarij were killed. The military said three soldiers and "
                                + "seven infiltrators were killed. Pakistani troops responded, destroying five Afghan Taliban posts, the ISPR said.",
                        "PK"))
                .containsExactly(
                        "pk_government:af_forces:killed:20",
                        "pk_government:pk_forces:killed:3",
                        "pk_government:militants:killed:7",
                        "pk_government:af_forces:posts_destroyed:5");
    }

    @Test
    void aSurnameAloneIsThePersonNamedInFullBefore() {
        assertThat(claims(
                        "Provincial police spokesman Abdul Wali Sarhadi said shells hit a school.\n\n"
                                + "Two students were wounded, Sarhadi said.",
                        "AF"))
                .containsExactly("local_official:civilians:wounded:2");
    }

    @Test
    void theStatementIsItsIssuersAndTheMinisterTheOneNamedBefore() {
        assertThat(claims(
                        "Afghanistan's defence ministry said in a statement that the fighting lasted all night. According to the statement, "
                                + "30 Pakistani soldiers were killed.\n\nInformation Minister Attaullah Tarar said the claim was false.\n\n"
                                + "The minister said 12 Afghan Taliban fighters were killed.\n\n"
                                + "\"At least nine of our countrymen, women and children among them, were martyred,\" Zabihullah Mujahid said.",
                        "AF"))
                .containsExactly(
                        "af_government:pk_forces:killed:30",
                        "pk_government:af_forces:killed:12",
                        "af_government:civilians:killed:9");
    }

    @Test
    void twoSpeakersInOneSentenceEachSayTheirOwnFigures() {
        assertThat(claims(
                        "Afghanistan says it killed 46 Pakistani soldiers; Pakistan says it lost three men and killed more than 100 "
                                + "Afghan fighters.",
                        "AF"))
                .containsExactly(
                        "af_government:pk_forces:killed:46",
                        "pk_government:pk_forces:killed:3",
                        "pk_government:af_forces:killed:100");
        assertThat(claims(
                        "Pakistani warplanes pounded targets overnight, the Taliban authorities said Monday, in strikes the United Nations "
                                + "said had killed at least 11 civilians.",
                        "AF"))
                .containsExactly("un:civilians:killed:11");
        assertThat(claims(
                        "The provincial health department has put the toll from that attack at 34, while police said that 57 people "
                                + "were injured.",
                        "PK"))
                .containsExactly("local_official:civilians:killed:34", "local_official:civilians:wounded:57");
    }

    @Test
    void noCasualtiesAttributedInItsSentenceIsTheSpeakersDenial() {
        assertThat(claims(
                        "The firing lasted an hour, a Pakistani security official said. No casualties were reported on either side, "
                                + "the official said. He said there were no casualties among Afghan forces.",
                        "PK"))
                .containsExactly(
                        "pk_government:civilians:killed:0",
                        "pk_government:civilians:wounded:0",
                        "pk_government:af_forces:killed:0",
                        "pk_government:af_forces:wounded:0");
        assertThat(claims("No casualties were reported.", "PK")).isEmpty();
    }

    @Test
    void securityOfficialsAreTheArmysAndAnOfficeNamedForAPlaceIsLocal() {
        Claims.Reader reader = new Claims.Reader("", null, java.util.Set.of("nangarhar"));
        assertThat(reader.party("two security officials in Peshawar", 0)).isEqualTo("pk_government");
        assertThat(reader.party("Nangarhar information and culture director Qureshi Badloon", 0))
                .isEqualTo("local_official");
        assertThat(reader.party("spokesman for the Frontier Corps in Nangarhar", 0))
                .isEqualTo("pk_government");
    }

    @Test
    void aRoleAndNameBeforeSayingAndAStatementsFiguresAreTheSpeakers() {
        assertThat(claims(
                        "A spokesman for the Taliban's border forces in Paktika, Mawlawi Abdul Haq Saeed, gave a different version, "
                                + "saying no Afghan soldier was killed.",
                        "AF"))
                .containsExactly("af_government:af_forces:killed:0");
        assertThat(claims(
                        "The Islamic Emirate's spokesman, Zabihullah Mujahid, said in a statement that aircraft had targeted homes.\n\n"
                                + "The Islamic Emirate \"strongly condemns this crime,\" the statement said, adding that at least 16 civilians had lost "
                                + "their lives.",
                        "AF"))
                .containsExactly("af_government:civilians:killed:16");
    }

    @Test
    void newFigureShapes() {
        assertThat(claims("The Afghan Defense Ministry said its forces had taken control of 17 Pakistani posts.", "AF"))
                .containsExactly("af_government:pk_forces:posts_captured:17");
        assertThat(claims(
                        "The family had 19 members; 14 of them were killed, said Qari Ahmadullah Hamdard, the head of the Khogyani "
                                + "district office.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:14");
        assertThat(claims(
                        "Doctors at the hospital said they had received the bodies of two civilians, and were treating six people "
                                + "with shrapnel wounds.",
                        "PK"))
                .containsExactly("other:civilians:killed:2", "other:civilians:wounded:6");
        assertThat(claims("Four Frontier Corps (FC) soldiers were martyred, police said.", "PK"))
                .containsExactly("local_official:pk_forces:killed:4");
        assertThat(claims(
                        "Tarar said the number of Afghan Taliban killed had risen to 41, while dozens more were injured.",
                        "PK"))
                .containsExactly("pk_government:af_forces:killed:41", "pk_government:af_forces:wounded:null");
        assertThat(claims(
                        "Afghanistan's defence ministry said six of its own fighters had been killed and nine others wounded.",
                        "AF"))
                .containsExactly("af_government:af_forces:killed:6", "af_government:af_forces:wounded:9");
        assertThat(claims("The United Nations said at least 11 civilians were among the dead.", "AF"))
                .containsExactly("un:civilians:killed:11");
        assertThat(claims("Zaidi said: \"Not one post was captured, not one soldier was taken.\"", "PK"))
                .containsExactly("pk_government:pk_forces:posts_captured:0", "pk_government:pk_forces:captured:0");
        assertThat(claims(
                        "The minister dismissed Afghanistan's claim of shooting down a Pakistani F-16. \"Pakistan has not lost any "
                                + "aircraft,\" Tarar said.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:aircraft_downed:0");
    }

    @Test
    void soldiersKilledByABombAreTheSpeakersOwn() {
        assertThat(claims(
                        "An explosive device hit a patrol near Wana on Tuesday, killing four soldiers, the army said. "
                                + "In a raid the next day, troops killed six soldiers of the other side, the army said.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:killed:4", "pk_government:af_forces:killed:6");
    }

    @Test
    void aRangeAfterAnActiveVerbKeepsItsLowerBound() {
        assertThat(claims(
                        "Jets struck camps at dawn, killing between 20 and 25 militants, Pakistani security officials said.",
                        "AF"))
                .containsExactly("pk_government:militants:killed:20");
    }

    @Test
    void aLeadNameAndRoleSpeakAfterAPhraseOfTheirOwn() {
        assertThat(claims(
                        "Hamdullah Fitrat, the deputy spokesman of the Islamic Emirate, in a statement on X denounced the raid and "
                                + "said that nine civilians died.",
                        "AF"))
                .containsExactly("af_government:civilians:killed:9");
    }

    @Test
    void peopleIncludingPolicemenAreNoSideAndNoOneOnTheGroundIsTwoDenials() {
        assertThat(claims(
                        "Nine people, including three policemen, were killed in the blast, police said. "
                                + "A district official said no one on the ground was killed or injured.",
                        "PK"))
                .containsExactly(
                        "local_official:unspecified:killed:9",
                        "local_official:unspecified:killed:0",
                        "local_official:unspecified:wounded:0");
    }

    @Test
    void aBannedOutfitIsAnArmedGroupAndShahadatIsKilled() {
        assertThat(claims(
                        "A banned outfit, Lashkar-e-Khorasan, claimed that 15 policemen had been killed. "
                                + "Three soldiers of the Pakistan Army embraced shahadat, the ISPR said.",
                        "PK"))
                .containsExactly("armed_group:pk_forces:killed:15", "pk_government:pk_forces:killed:3");
    }

    @Test
    void theSecondOfTwoSayingClausesIsItsOwnSubjects() {
        assertThat(claims(
                        "Afghan forces attacked border posts overnight, officials said, with Kabul saying it had killed 23 "
                                + "soldiers and Islamabad saying it had lost two men.",
                        "PK"))
                .containsExactly("af_government:pk_forces:killed:23", "pk_government:pk_forces:killed:2");
    }

    @Test
    void anAsideAfterTheNounStillCounts() {
        assertThat(claims(
                        "Taliban spokesman Zabihullah Mujahid claimed that 12 civilians, mostly women and children, had been "
                                + "killed in the bombing.",
                        "AF"))
                .containsExactly("af_government:civilians:killed:12");
    }

    @Test
    void aDismissedClaimByTheOtherSideIsNotTheSpeakersFigure() {
        assertThat(claims(
                        "Security sources dismissed as \"propaganda\" a claim by the Taliban that they had shot down a Pakistani "
                                + "drone. \"No Pakistani drone has been shot down,\" a security source said.",
                        "AF"))
                .containsExactly("pk_government:pk_forces:aircraft_downed:0");
    }

    @Test
    void aDenialThatAnyPostFellIsAZeroBesideTheOwnToll() {
        assertThat(claims(
                        "The Pakistani military said two of its soldiers had been killed in the fighting and denied that any "
                                + "of its posts had been captured.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:killed:2", "pk_government:pk_forces:posts_captured:0");
    }

    @Test
    void bodiesAHospitalReceivedAreItsToll() {
        assertThat(claims(
                        "Hospital spokesperson Dr Ali Khan said the hospital had received 13 bodies and 29 injured people.",
                        "PK"))
                .containsExactly("other:civilians:killed:13", "other:civilians:wounded:29");
    }

    @Test
    void aClaimCirculatedByTheOtherSideEndsWhereTheSpeakersOwnAccountBegins() {
        assertThat(claims(
                        "Pakistan's information ministry rejected claims circulated by the Taliban's defence authorities about "
                                + "a strike that killed 12 soldiers, saying 30 militants were killed.",
                        "PK"))
                .containsExactly("pk_government:militants:killed:30");
    }

    @Test
    void aMonitorsVerifiedDeathsAndInjuriesAreItsFigures() {
        assertThat(claims(
                        "The United Nations Assistance Mission in Afghanistan said it had verified the deaths of at least nine "
                                + "civilians, including four children, and injuries to seven civilians. "
                                + "The UN mission, UNAMA, later verifies at least 12 civilian deaths.",
                        "AF"))
                .containsExactly("un:civilians:killed:9", "un:civilians:wounded:7", "un:civilians:killed:12");
    }

    @Test
    void aCountAndASpokenOfTollAreTheirSpeakersAndAdjectivesSayWhatHappened() {
        assertThat(claims(
                        "The UN mission in Afghanistan counted at least 13 civilians killed; the Taliban government said at least "
                                + "18 civilians had died. Afghanistan's defence ministry spoke of 14 dead Pakistani soldiers and four "
                                + "captured posts.",
                        "AF"))
                .containsExactly(
                        "un:civilians:killed:13",
                        "af_government:civilians:killed:18",
                        "af_government:pk_forces:killed:14",
                        "af_government:pk_forces:posts_captured:4");
    }

    @Test
    void aBannedGroupsNameKeepsItsAdjective() {
        assertThat(claims(
                        "A faction of the banned Tehreek-e-Taliban Pakistan claimed responsibility for the bombing, asserting that "
                                + "twelve soldiers had been killed.",
                        "PK"))
                .containsExactly("armed_group:pk_forces:killed:12");
    }

    @Test
    void aQuoteOverTwoSentencesIsItsSpeakersAndADenialOfHittingCiviliansIsNone() {
        assertThat(claims(
                        "\"Not a single civilian was killed. Every target was a verified terrorist location,\" Information Minister "
                                + "Attaullah Tarar told reporters. Islamabad says more than 40 militants were killed and denies hitting "
                                + "civilians.",
                        "AF"))
                .containsExactly(
                        "pk_government:civilians:killed:0",
                        "pk_government:militants:killed:40",
                        "pk_government:civilians:killed:0");
    }

    @Test
    void aPartOfATollIsNoFigureOfItsOwnAndBorderForcesAreForces() {
        assertThat(claims(
                        "\"Five civilians, three of them children, were martyred,\" Sabir said. He added that two Afghan border "
                                + "forces were martyred.",
                        "AF"))
                .containsExactly("other:civilians:killed:5", "other:af_forces:killed:2");
    }

    @Test
    void aMinistryWithoutItsCountrySpeaksForTheForcesThatStruck() {
        assertThat(claims(
                        "The Ministry of Defense said on Friday that Afghan forces killed 12 Pakistani soldiers and captured three "
                                + "of their posts.",
                        "AF"))
                .containsExactly("af_government:pk_forces:killed:12", "af_government:pk_forces:posts_captured:3");
    }

    @Test
    void membersOrSoldiersOfACountrysForcesAreThatCountrysMen() {
        assertThat(claims(
                        "The Afghan defence ministry's spokesman said that two members of the Islamic Emirate's forces were killed and "
                                + "five others wounded. A border police officer told reporters that two soldiers of Pakistan's Frontier "
                                + "Corps were killed. The Afghan ministry said that one member of the Islamic Emirate's border forces was "
                                + "martyred and three others were wounded.",
                        "AF"))
                .containsExactly(
                        "af_government:af_forces:killed:2",
                        "af_government:af_forces:wounded:5",
                        "local_official:pk_forces:killed:2",
                        "af_government:af_forces:killed:1",
                        "af_government:af_forces:wounded:3");
    }

    @Test
    void whoTheDeadWereBetweenCommasOrTheTermForThemLeavesTheTollWhole() {
        assertThat(claims(
                        "\"Two people, a woman and an elderly man, died on the spot,\" the police officer said. Two civilians, a man and "
                                + "his son, were wounded, the governor's spokesman said. Pakistan's information minister, Attaullah "
                                + "Tarar, said that 45 \"khwarij\", the term Pakistan uses for fighters of the Pakistani Taliban, were killed.",
                        "PK"))
                .containsExactly(
                        "local_official:civilians:killed:2",
                        "local_official:civilians:wounded:2",
                        "pk_government:militants:killed:45");
    }

    @Test
    void aPartOfOnesOwnMenAndTheLossOfThemAreOwnLosses() {
        assertThat(claims(
                        "Pakistan's military said three of its soldiers and 34 Afghan Taliban fighters were killed. The Taliban "
                                + "administration said 21 Pakistani troops had died and three Pakistani posts had fallen to its forces, "
                                + "while admitting the loss of two of its own fighters.",
                        "PK"))
                .containsExactly(
                        "pk_government:pk_forces:killed:3",
                        "pk_government:af_forces:killed:34",
                        "af_government:pk_forces:killed:21",
                        "af_government:pk_forces:posts_captured:3",
                        "af_government:af_forces:killed:2");
    }

    @Test
    void anAsideBetweenCommasIsNotTheSubject() {
        assertThat(claims(
                        "Police said two civilians were killed. The Taliban administration in Kabul, in turn, said 21 Pakistani "
                                + "troops had died. A local elder, however, said that five people were killed.",
                        "PK"))
                .containsExactly(
                        "local_official:civilians:killed:2",
                        "af_government:pk_forces:killed:21",
                        "other:civilians:killed:5");
    }

    @Test
    void aLiveBlogsPresentTenseReportsAndDeniesAClaimWithItsOwnZero() {
        assertThat(claims(
                        "Bilal Khattak, a spokesman for the provincial government, tells Al Jazeera that three civilians have been "
                                + "killed and eight wounded. In a statement, Pakistan's military says one soldier was wounded. It denies "
                                + "the Taliban's claim that 12 Pakistani soldiers were killed, saying \"no soldier has been martyred\".",
                        "PK"))
                .containsExactly(
                        "local_official:civilians:killed:3",
                        "local_official:civilians:wounded:8",
                        "pk_government:pk_forces:wounded:1",
                        "pk_government:pk_forces:killed:0");
    }

    @Test
    void denialsOfPostsAircraftAndCiviliansInTheirOtherWordings() {
        assertThat(claims(
                        "\"Not a single post has been vacated or captured,\" the ISPR said. The security sources termed the claim "
                                + "baseless, saying that no soldier had been martyred and no post damaged. Pakistan's military said "
                                + "it had lost no aircraft. \"There were no civilians there,\" the Pakistani security source said.",
                        "AF"))
                .containsExactly(
                        "pk_government:pk_forces:posts_captured:0",
                        "pk_government:pk_forces:killed:0",
                        "pk_government:pk_forces:posts_destroyed:0",
                        "pk_government:pk_forces:aircraft_downed:0",
                        "pk_government:civilians:killed:0");
    }

    @Test
    void aRejectedClaimDoesNotHideTheSpeakersOwnFigureAndAnAcronymIsWhatItStandsFor() {
        assertThat(claims(
                        "The Ministry of Defense (MoD) of the Islamic Emirate says that its forces captured three Pakistani posts. "
                                + "Pakistan's military, ISPR, claimed in its own statement that 20 \"Afghan Taliban and khwarij\" were "
                                + "killed, and rejected the MoD's claim that its posts had been captured. Meanwhile, the MoD also said "
                                + "that its forces shot down a Pakistani drone.",
                        "AF"))
                .containsExactly(
                        "af_government:pk_forces:posts_captured:3",
                        "pk_government:af_forces:killed:20",
                        "pk_government:pk_forces:posts_captured:0",
                        "af_government:pk_forces:aircraft_downed:1");
    }

    @Test
    void bodiesRecoveredAndTheWoundedBroughtInAreCounts() {
        assertThat(claims(
                        "The district chief said eight bodies had been recovered so far. A doctor at the hospital told Reuters "
                                + "that four civilians, among them a boy of about 12, had been brought in with shrapnel wounds.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:8", "other:civilians:wounded:4");
    }

    @Test
    void aPressReleaseSpeaksForItsIssuerWhereNobodyElseIsSaidToSpeak() {
        assertThat(claims(
                        "Islamic Emirate of Afghanistan\nMinistry of National Defense\nOffice of the Spokesman\n\nPress Release\n\n"
                                + "Last night, aircraft of the Pakistani regime bombed civilian houses in Barmal district.\n\n"
                                + "As a result of this attack, 10 civilians were martyred and 7 others were injured.",
                        "AF"))
                .containsExactly("af_government:civilians:killed:10", "af_government:civilians:wounded:7");
        assertThat(claims("Pakistani jets bombed houses in Barmal.\n\nTen civilians were killed.", "AF"))
                .isEmpty();
    }

    @Test
    void aMonitorsReceivedReportsAndAPresentTenseSayAttributeButANegatedSayDoesNot() {
        assertThat(claims(
                        "UNAMA has received credible reports that at least seven civilians were killed and six injured.",
                        "AF"))
                .containsExactly("un:civilians:killed:7", "un:civilians:wounded:6");
        assertThat(claims("Fighting broke out in Kurram, in which Pakistani officials say two soldiers died.", "PK"))
                .containsExactly("pk_government:pk_forces:killed:2");
        assertThat(claims(
                        "Pakistani officials said two soldiers were killed.\n\nThe ministry declined to say where. Five Afghan "
                                + "fighters were killed.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:killed:2");
    }

    @Test
    void aReleaseNumberedOrSignedSpeaksForItsIssuerInItsIdioms() {
        assertThat(claims(
                        "INTER SERVICES PUBLIC RELATIONS\nNo PR-12/2028-ISPR      Rawalpindi - May 1, 2028\n\n"
                                + "As a result, 12 Afghan Taliban were sent to hell and 4 of their posts, being used by khwarij, were "
                                + "destroyed.\n\nDuring the exchange of fire, 2 brave sons of soil, having fought gallantly, embraced "
                                + "shahadat.\n\nFurther 3 soldiers got injured and have been evacuated.",
                        "PK"))
                .containsExactly(
                        "pk_government:af_forces:killed:12",
                        "pk_government:af_forces:posts_destroyed:4",
                        "pk_government:pk_forces:killed:2",
                        "pk_government:pk_forces:wounded:3");
        assertThat(claims(
                        "Own troops responded befittingly.\n\n5 khwarij were sent to hell.\n\nDirector General ISPR",
                        "PK"))
                .containsExactly("pk_government:militants:killed:5");
    }

    @Test
    void accordingToAnOfficialWhoAndARoleWithItsNameAndASurnameNamedBefore() {
        assertThat(claims(
                        "A suicide bomber struck a checkpoint, killing five security personnel and two civilians, according to a "
                                + "senior security official who spoke on condition of anonymity.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:killed:5", "pk_government:civilians:killed:2");
        assertThat(claims(
                        "The clash began at 11 p.m., according to Kurram's deputy commissioner, Javed Mehsud.\n\n"
                                + "Mehsud told reporters that two Frontier Corps soldiers had been killed and seven wounded.",
                        "AF"))
                .containsExactly("local_official:pk_forces:killed:2", "local_official:pk_forces:wounded:7");
        assertThat(claims(
                        "The district's police chief, Javed Mehsud, visited the site on Monday. Mehsud said two civilians were "
                                + "killed.",
                        "PK"))
                .containsExactly("local_official:civilians:killed:2");
    }

    @Test
    void sayingIsTheMainVerbsSubjectsAndAStatementsParticipleIsNoSubject() {
        assertThat(claims(
                        "A faction of the Pakistani Taliban led by Hafiz Gul Bahadur claimed responsibility in a statement, "
                                + "saying 17 soldiers had been killed.",
                        "PK"))
                .containsExactly("armed_group:pk_forces:killed:17");
        assertThat(claims(
                        "Zabihullah Mujahid, the Taliban's chief spokesman, said Afghan forces had responded. Eleven Pakistani "
                                + "soldiers were killed, he said in a statement posted on X, adding that one Afghan border guard "
                                + "had died.",
                        "AF"))
                .containsExactly("af_government:pk_forces:killed:11", "af_government:af_forces:killed:1");
        assertThat(claims(
                        "Pakistan's military said its troops had responded to firing from the Afghan side and denied hitting "
                                + "any civilian area.",
                        "AF"))
                .containsExactly("pk_government:civilians:killed:0");
    }

    @Test
    void aTalibanProvincialOfficeIsLocalButATalibanOfficialIsTheGovernments() {
        assertThat(claims(
                        "Najibullah Hanifi, the Taliban's provincial head of information, said four civilians were killed.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:4");
        assertThat(claims("A Taliban official in Kandahar said two civilians were killed.", "AF"))
                .containsExactly("af_government:civilians:killed:2");
    }

    @Test
    void aClaimDeniedInItsSentenceIsTheDeniersZeroAndDronesWithoutANumberNoFigure() {
        assertThat(claims(
                        "On Thursday, the Taliban said they had brought down two Pakistani drones, a claim Islamabad flatly denied.",
                        "AF"))
                .containsExactly(
                        "af_government:pk_forces:aircraft_downed:2", "pk_government:pk_forces:aircraft_downed:0");
        assertThat(claims("The Taliban claimed to have brought down Pakistani drones.", "AF"))
                .isEmpty();
    }

    @Test
    void aLedesBackgroundAfterTheAttributionIsTheReportersAndOtherWordingsOfATollAreRead() {
        assertThat(claims(
                        "A roadside bomb killed four soldiers, local officials said, a day after a suicide bombing killed seven "
                                + "people.",
                        "PK"))
                .containsExactly("local_official:pk_forces:killed:4");
        assertThat(claims(
                        "The district police officer told The News that two civilians, one of them a shopkeeper, were among the "
                                + "dead. Three personnel of the Chitral Levies were injured two days ago, he said.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:2", "local_official:pk_forces:wounded:3");
        assertThat(claims(
                        "The UN says the strikes killed at least seven civilians; Pakistan's military insists only militants "
                                + "were hit, and claims more than 30 of them died.",
                        "AF"))
                .containsExactly("un:civilians:killed:7", "pk_government:militants:killed:30");
    }

    @Test
    void aClauseCutFromALedeKeepsTheReportersBackgroundOutOfTheClaims() {
        String text =
                "A roadside bomb struck a convoy near Zhob on Tuesday, killing four soldiers, local officials said, a day "
                        + "after a suicide bombing in the northwest killed seven people.";
        Claims.Reader reader = new Claims.Reader(text, null);
        Sentences.Sentence whole = Sentences.split(text).get(0);
        Claims.Voices voices = reader.voices(whole, reader.speaker(whole));
        List<String> out = new ArrayList<>();
        for (Sentences.Sentence part : EventExtractor.clauses(whole)) {
            for (Claims.Stated c : Claims.of(part, voices, "PK", true)) {
                out.add(c.speaker().party() + ":" + c.figure().field() + ":"
                        + c.figure().value());
            }
        }
        assertThat(EventExtractor.clauses(whole)).hasSize(2);
        assertThat(out).containsExactly("local_official:killed:4");
    }

    @Test
    void aPhraseSayingWhereItWasSaidIsNotTheSubject() {
        assertThat(Claims.subject("Meanwhile, the Afghan side's chief spokesman, Zabihullah Mujahid, in a post on X "))
                .isEqualTo("Zabihullah Mujahid");
        assertThat(Claims.subject("The ministry's spokesman, in a video statement, "))
                .isEqualTo("The ministry's spokesman");
        assertThat(Claims.subject("In Kabul police")).isEqualTo("In Kabul police");
    }

    @Test
    void aRangeWithoutBetweenGivesItsLowerBound() {
        assertThat(fieldAndValue("Security sources said seven to eight Afghan personnel lost their lives."))
                .containsExactly("killed" + ":" + 7);
        assertThat(fieldAndValue("Two or three soldiers were wounded in the firing."))
                .containsExactly("wounded" + ":" + 2);
    }

    @Test
    void aPressReleasesNumbersInBracketsAndItsSonsOfSoilAndNotItsRunningTally() {
        assertThat(fieldAndValue("Resultantly, nine (9) khwarij were sent to hell."))
                .containsExactly("killed" + ":" + 9);
        assertThat(fieldAndValue("The following two sons of soil laid down their lives fighting bravely."))
                .containsExactly("killed" + ":" + 2);
        assertThat(Figures.of(
                        "Since the beginning of July, security forces have killed 61 khwarij, while 11 soldiers have "
                                + "embraced shahadat.",
                        0))
                .isEmpty();
        Claims.Reader reader = new Claims.Reader(
                "INTER SERVICES PUBLIC RELATIONS\nPRESS RELEASE\nNo PR-1/2028-ISPR\n\n" + "Troops killed nine khwarij.",
                null);
        List<Sentences.Sentence> all = Sentences.split(
                "INTER SERVICES PUBLIC RELATIONS\nPRESS RELEASE\nNo PR-1/2028-ISPR\n\nTroops killed nine khwarij.");
        Sentences.Sentence last = all.get(all.size() - 1);
        assertThat(reader.speaker(last).claimant()).isEqualTo("INTER SERVICES PUBLIC RELATIONS");
    }

    @Test
    void anUnnamedSourceIsTheOutletCountrysAndASingleSourceIsASubject() {
        assertThat(claims(
                        "QUETTA: \u201cOver 15 militants were confirmed dead near the Pakistani posts,\u201d another "
                                + "source said.",
                        "PK"))
                .isNotEmpty()
                .allMatch(c -> c.startsWith("pk_government:"));
    }

    @Test
    void aVerbInsideAQuoteOpenedInAnEarlierSentenceIsNotTheSpeakers() {
        assertThat(Claims.Reader.quoteClosedFrom(
                        "Intercepts show over 15 militants confirmed dead,\u201d another source said."))
                .isEqualTo(50);
        assertThat(Claims.Reader.quoteClosedFrom("The response was \"befitting\", security sources said."))
                .isZero();
        assertThat(Claims.Reader.quoteClosedFrom(
                        "An official told AFP that 19 had been brought in, \"several critical\"."))
                .isZero();
        assertThat(claims(
                        "QUETTA: \u201cMilitants were using the posts for cover. Intercepts show over 15 militants confirmed "
                                + "dead,\u201d a security source said.",
                        "PK"))
                .containsExactly("pk_government:militants:killed:15");
    }

    @Test
    void aSoldierNamedInCommasAHitLabourerAndSustainedInjuriesAreFigures() {
        assertThat(fieldAndValue(
                        "A soldier of the Pakistan Army, Havaldar Gul Zaman, a native of Swat, embraced martyrdom."))
                .containsExactly("killed" + ":" + 1);
        assertThat(fieldAndValue("A policeman, Ahmad Wali Khan, was killed on the highway."))
                .containsExactly("killed" + ":" + 1);
        assertThat(fieldAndValue("A labourer standing near the gate was hit by a stray bullet."))
                .containsExactly("wounded" + ":" + 1);
        assertThat(fieldAndValue("One guard died and four others sustained serious injuries in the firing."))
                .containsExactly("killed" + ":" + 1, "wounded" + ":" + 4);
        assertThat(fieldAndValue(
                        "Up to 30 fighters, who the officer said were massing near the fence, were confirmed dead."))
                .containsExactly("killed" + ":" + 30);
        assertThat(fieldAndValue("The artillery had martyred nine villagers, the governor said."))
                .containsExactly("killed" + ":" + 9);
        assertThat(fieldAndValue("Eleven Pakistani servicemen died in the raid."))
                .containsExactly("killed" + ":" + 11);
    }

    @Test
    void ourMujahideenAndTheEmiratesForcesAreTheAfghanSide() {
        assertThat(claims(
                        "\u201cWe lost two of our mujahideen in the fighting,\u201d the Taliban spokesman said.", "AF"))
                .contains("af_government:af_forces:killed:2");
        assertThat(claims("Mujahid said three members of the Emirate's forces were killed.", "AF"))
                .containsExactly("af_government:af_forces:killed:3");
        assertThat(claims("A Taliban official said five mujahideen were martyred in Paktika.", "AF"))
                .containsExactly("af_government:af_forces:killed:5");
    }

    @Test
    void noLossOnASideAndNobodyOfAGroupPresentAreDenials() {
        assertThat(claims("The district administration said there was no civilian loss in the shelling.", "PK"))
                .containsExactly("local_official:civilians:killed:0");
        assertThat(claims(
                        "The Taliban spokesman said not a single fighter of the Jaish or any other armed group was present in the "
                                + "compound.",
                        "AF"))
                .containsExactly("af_government:militants:killed:0");
    }

    @Test
    void aTollSinceAMonthOrOverAYearIsNoEventsToll() {
        assertThat(Figures.of(
                        "At least 52 civilians have been killed in such shelling along the border since March, a rights group said.",
                        0))
                .isEmpty();
        assertThat(Figures.of(
                        "Over 1,900 people were killed in terrorist attacks across the country last year, a research centre said.",
                        0))
                .isEmpty();
        assertThat(Figures.of(
                        "Between 1 March and 30 June the mission documented 80 civilian casualties (30 killed and 50 injured).",
                        0))
                .isEmpty();
        assertThat(fieldAndValue("Four civilians have been killed since Monday, police said."))
                .containsExactly("killed" + ":" + 4);
    }

    @Test
    void aRelaysSourceSpeaksAndTheAdministrationIsLocal() {
        assertThat(claims(
                        "Shelling hit a village in Kunar on Monday, the broadcaster reported citing the district police, "
                                + "adding that three people were killed.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:3");
        assertThat(claims(
                        "Local television reported that two villagers were wounded, citing officials in Jalalabad.",
                        "AF"))
                .containsExactly("local_official:civilians:wounded:2");
        assertThat(claims("Shells hit Arandu on Sunday. The administration put the toll at three.", "PK"))
                .containsExactly("local_official:civilians:killed:3");
        assertThat(claims(
                        "Accounts on social media linked to the militants claimed that 20 soldiers were killed.", "PK"))
                .allMatch(c -> c.startsWith("other:"));
    }

    @Test
    void anotherSourcesPutAndItsFindingsAndTheSecondVoiceAfterAccordingTo() {
        assertThat(claims(
                        "PESHAWAR: Pakistani security sources said the attack was repulsed. Another source put the toll higher, "
                                + "saying that 25 militants were killed.",
                        "PK"))
                .containsExactly("pk_government:militants:killed:25");
        assertThat(claims(
                        "UNAMA said it was alarmed. The mission recalls that the strikes of March killed 9 civilians, "
                                + "according to its findings at the time.",
                        "AF"))
                .containsExactly("un:civilians:killed:9");
        assertThat(claims(
                        "According to the Afghan side, 20 Pakistani soldiers were killed, while Islamabad acknowledged the "
                                + "loss of one soldier.",
                        "AF"))
                .containsExactly("af_government:pk_forces:killed:20", "pk_government:pk_forces:killed:1");
    }

    @Test
    void aPresentClaimAndANumberPutAtAndAPronounAfterAPeriodPhrase() {
        assertThat(claims("Pakistani officials claim 14 Afghan fighters were killed near the fence.", "PK"))
                .containsExactly("pk_government:af_forces:killed:14");
        assertThat(claims(
                        "Paktia police now put the number of villagers killed in the shelling at 6, up from four.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:6");
        assertThat(claims(
                        "UNAMA said it was alarmed. Between March and May it counted 40 civilians killed. Earlier raids killed "
                                + "5 civilians, according to its figures.",
                        "AF"))
                .contains("un:civilians:killed:5");
        assertThat(claims("The army rejected the Taliban's claim that 30 soldiers were killed.", "PK"))
                .noneMatch(c -> c.startsWith("af_government:"));
        assertThat(fieldAndValue("The police had earlier put the number of people killed at five."))
                .isEmpty();
        assertThat(claims("Police said there was no civilian loss in the firing.", "PK"))
                .containsExactly("local_official:civilians:killed:0");
    }

    /** "field:value" of every figure of one sentence. */
    private static List<String> fieldAndValue(String sentence) {
        return Figures.of(sentence, 0).stream()
                .map(f -> f.field() + ":" + f.value())
                .toList();
    }

    @Test
    void aMinisterQuotedThroughAnAgencySaysTheFiguresAfterHisVerb() {
        assertThat(claims(
                        "According to a wire agency, Pakistan's Interior Minister Rashid Baloch said four Pakistani soldiers "
                                + "were killed and six wounded, dismissing Kabul's claims that posts were captured.",
                        "PK"))
                .containsExactly(
                        "pk_government:pk_forces:killed:4",
                        "pk_government:pk_forces:wounded:6",
                        "pk_government:pk_forces:posts_captured:0");
    }

    @Test
    void postsCapturedRightAfterPostsDestroyedArePostsToo() {
        assertThat(claims("The ISPR said 14 Afghan posts were destroyed, and five were captured.", "PK"))
                .containsExactly(
                        "pk_government:af_forces:posts_destroyed:14", "pk_government:af_forces:posts_captured:5");
        assertThat(claims(
                        "The ISPR said troops destroyed 40 Afghan posts, seized 6 others and killed 30 fighters.",
                        "PK"))
                .startsWith("pk_government:af_forces:posts_destroyed:40", "pk_government:af_forces:posts_captured:6");
    }

    @Test
    void aSpokesmanNamedInCommasBeforeHasClaimedIsTheClaimantNotTheOutletRelayingHim() {
        assertThat(claims(
                        "A local radio station reported that the spokesman of the Islamic Emirate, Qari Yusuf Ahmadi, has "
                                + "claimed that its fighters captured 9 Pakistani posts.",
                        "PK"))
                .containsExactly("af_government:pk_forces:posts_captured:9");
    }

    @Test
    void aParticipleClaimingAndAHeadlineClaimsStateTheirSubjectsFigures() {
        assertThat(claims(
                        "Pakistan's army struck hideouts across the border overnight, claiming to have killed at least 40 "
                                + "militants.",
                        "AF"))
                .containsExactly("pk_government:militants:killed:40");
        assertThat(claims("Kabul said the strike was claiming the lives of 3 people.", "AF"))
                .doesNotContain("af_government:civilians:killed:3");
        Claims.Reader reader = new Claims.Reader("• State television claims 30 attackers dead, 50 more wounded", "PK");
        List<String> out = new ArrayList<>();
        for (Sentences.Sentence s : Sentences.split("• State television claims 30 attackers dead, 50 more wounded")) {
            for (Claims.Stated c : Claims.of(s, reader.voices(s, reader.speaker(s)), "AF", false)) {
                out.add(c.speaker().party() + ":" + c.figure().field() + ":"
                        + c.figure().value());
            }
        }
        assertThat(out).containsExactly("pk_government:killed:30", "pk_government:wounded:50");
    }

    @Test
    void theInfoMinisterIsTheMinisterWhoSpokeBeforeAndSustainedInjuriesAreWounded() {
        assertThat(claims(
                        "Pakistan's Federal Minister for Information Nasir Qureshi said 40 Afghan fighters were killed. The info minister "
                                + "also confirmed that two Pakistani soldiers were martyred and four sustained injuries.",
                        "PK"))
                .containsExactly(
                        "pk_government:af_forces:killed:40",
                        "pk_government:pk_forces:killed:2",
                        "pk_government:pk_forces:wounded:4");
    }

    @Test
    void aRedCrescentCountOfDeathsAndInjuriesIsNotTheGovernments() {
        assertThat(claims(
                        "The Afghan Red Crescent Society reported 11 deaths and several injuries in the village.",
                        "AF"))
                .containsExactly("other:civilians:killed:11", "other:civilians:wounded:null");
    }

    @Test
    void policeWhoDetailedHowAStrikeFellSayTheTollThatFollows() {
        assertThat(claims(
                        "Police in Kunar detailed how the bombs fell on a house at night. Of those inside, nine were killed "
                                + "and four wounded.",
                        "AF"))
                .containsExactly("local_official:civilians:killed:9", "local_official:civilians:wounded:4");
    }

    @Test
    void anArmyThatMentionedTheKillingsOfMilitantsClaimsThem() {
        assertThat(claims(
                        "The Pakistan army had earlier mentioned that its strikes led to the killings of at least 35 militants.",
                        "AF"))
                .containsExactly("pk_government:militants:killed:35");
    }

    @Test
    void menAGovernmentSaysWereTakenPrisonerAreTheOtherSides() {
        assertThat(claims(
                        "Afghan officials said 30 Pakistani soldiers were killed and several soldiers were taken prisoner.",
                        "PK"))
                .containsExactly("af_government:pk_forces:killed:30", "af_government:pk_forces:captured:null");
    }

    @Test
    void anActiveRangeKeepsItsLowerEndAndItsNoun() {
        assertThat(claims(
                        "Troops beat back an assault on Friday, killing around 12 to 18 Afghan Taliban, the ISPR said.",
                        "PK"))
                .containsExactly("pk_government:af_forces:killed:12");
    }

    @Test
    void stateMediaSpeakForTheCountryNamedBeforeThemNotForTheLossesTheyCount() {
        assertThat(claims(
                        "Pakistani officials said two soldiers died in the night. State television claims 40 Afghan fighters "
                                + "dead.",
                        "PK"))
                .containsExactly("pk_government:pk_forces:killed:2", "pk_government:af_forces:killed:40");
    }
}
