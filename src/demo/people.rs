//! Who appears in the demo: candidates' names from many cultures and a
//! fixed panel of interviewers with their habits.

use super::rng::Rng;

/// Given names and family names that belong together.
struct Culture {
    given: &'static [&'static str],
    family: &'static [&'static str],
}

/// Names as a hiring system would store them (given name first), in Latin
/// script with the diacritics people actually write; scripts the app's
/// default fonts lack are left out so every name renders.
const CULTURES: &[Culture] = &[
    Culture {
        // English-speaking countries
        given: &[
            "Emily", "James", "Olivia", "Michael", "Hannah", "Ethan", "Grace", "Noah", "Chloe",
            "Ryan", "Megan", "Tyler",
        ],
        family: &[
            "Smith", "Johnson", "Walker", "Thompson", "Clarke", "Bennett", "Hughes", "Foster",
            "Mitchell", "Reed", "Campbell", "Parker",
        ],
    },
    Culture {
        // Spanish-speaking countries
        given: &[
            "María José",
            "Alejandro",
            "Lucía",
            "Javier",
            "Camila",
            "Andrés",
            "Valentina",
            "Sebastián",
            "Paula",
            "Iñaki",
            "Ximena",
            "Joaquín",
        ],
        family: &[
            "García",
            "Fernández López",
            "Martínez",
            "Rodríguez",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Muñoz",
            "Castillo",
            "Ortega",
            "Navarro",
            "Herrera",
        ],
    },
    Culture {
        // Portuguese-speaking countries
        given: &[
            "João", "Beatriz", "Thiago", "Mariana", "Gonçalo", "Inês", "Rafael", "Larissa",
        ],
        family: &[
            "Silva",
            "Santos",
            "Oliveira",
            "Conceição",
            "Araújo",
            "Ferreira",
            "Magalhães",
            "Costa",
        ],
    },
    Culture {
        // French-speaking countries
        given: &[
            "Chloé",
            "Mathieu",
            "Léa",
            "Antoine",
            "Camille",
            "Théo",
            "Manon",
            "François",
        ],
        family: &[
            "Dubois",
            "Lefèvre",
            "Moreau",
            "Girard",
            "Bélanger",
            "Rousseau",
            "Fontaine",
            "Lemaire",
        ],
    },
    Culture {
        // German-speaking countries and the Netherlands
        given: &[
            "Jonas",
            "Lena",
            "Lukas",
            "Anneke",
            "Felix",
            "Sophie",
            "Maximilian",
            "Jana",
            "Sven",
            "Ruud",
        ],
        family: &[
            "Müller",
            "Schäfer",
            "Becker",
            "Weiß",
            "Hoffmann",
            "van der Berg",
            "de Vries",
            "Janssen",
            "Krüger",
            "Vogel",
        ],
    },
    Culture {
        // Nordic countries
        given: &[
            "Astrid", "Mikkel", "Ingrid", "Øyvind", "Freja", "Eero", "Sigrid", "Henrik",
        ],
        family: &[
            "Johansson",
            "Nielsen",
            "Haugen",
            "Lindqvist",
            "Virtanen",
            "Sørensen",
            "Åberg",
            "Korhonen",
        ],
    },
    Culture {
        // Central and Eastern Europe
        given: &[
            "Katarzyna",
            "Paweł",
            "Tereza",
            "Ondřej",
            "Anastasia",
            "Dmytro",
            "Oksana",
            "Nikola",
            "Zsófia",
            "Bogdan",
        ],
        family: &[
            "Kowalski",
            "Wiśniewska",
            "Novák",
            "Dvořák",
            "Ivanova",
            "Shevchenko",
            "Kovač",
            "Horváth",
            "Popescu",
            "Petrov",
        ],
    },
    Culture {
        // Southern Europe and the Eastern Mediterranean
        given: &[
            "Giulia",
            "Marco",
            "Eleni",
            "Nikos",
            "Alessandro",
            "Chiara",
            "Dimitra",
            "Yannis",
        ],
        family: &[
            "Rossi",
            "Bianchi",
            "Esposito",
            "Papadopoulos",
            "Georgiou",
            "Romano",
            "Konstantinou",
            "Ricci",
        ],
    },
    Culture {
        // Turkey
        given: &["Elif", "Emre", "Zeynep", "Burak", "Ayşe", "Mehmet"],
        family: &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"],
    },
    Culture {
        // Arabic-speaking countries and Iran
        given: &[
            "Omar", "Layla", "Youssef", "Noor", "Karim", "Amira", "Reza", "Shirin", "Dariush",
        ],
        family: &[
            "Haddad", "Al-Masri", "Khalil", "Mansour", "El-Amin", "Nasser", "Tehrani", "Hosseini",
            "Farahani",
        ],
    },
    Culture {
        // South Asia
        given: &[
            "Aarav", "Ananya", "Rohan", "Priyanka", "Arjun", "Kavya", "Vikram", "Lakshmi",
            "Sanjay", "Farhana", "Imran", "Meera",
        ],
        family: &[
            "Sharma",
            "Iyer",
            "Patel",
            "Krishnan",
            "Banerjee",
            "Reddy",
            "Chowdhury",
            "Nair",
            "Gupta",
            "Rahman",
            "Subramanian",
            "Desai",
        ],
    },
    Culture {
        // China and Taiwan (given name first, as hiring systems store it)
        given: &[
            "Wei", "Xiaoling", "Jun", "Mei", "Haoran", "Yiting", "Zhiwei", "Lan",
        ],
        family: &["Zhang", "Wang", "Li", "Chen", "Liu", "Huang", "Zhao", "Lin"],
    },
    Culture {
        // Japan and Korea
        given: &[
            "Haruto", "Yui", "Kenji", "Sakura", "Minjun", "Jiwoo", "Seo-yeon", "Daiki",
        ],
        family: &[
            "Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Kim", "Park", "Choi", "Jeong",
        ],
    },
    Culture {
        // South-East Asia
        given: &[
            "Minh",
            "Linh",
            "Putri",
            "Arif",
            "Maricel",
            "Jose Miguel",
            "Siti",
            "Thanh",
        ],
        family: &[
            "Nguyen",
            "Tran",
            "Santoso",
            "Wijaya",
            "Reyes",
            "Dela Cruz",
            "Pham",
            "Hakim",
        ],
    },
    Culture {
        // West and East Africa
        given: &[
            "Chinedu",
            "Adaeze",
            "Kwabena",
            "Ama",
            "Oluwaseun",
            "Folake",
            "Wanjiru",
            "Tendai",
            "Abebe",
            "Nia",
        ],
        family: &[
            "Okafor", "Adeyemi", "Mensah", "Boateng", "Eze", "Balogun", "Kamau", "Mutasa",
            "Tesfaye", "Odhiambo",
        ],
    },
];

/// A plausible full name. Most people carry a given and family name from
/// the same culture; some (one in seven) mix, as families do.
pub(crate) fn full_name(rng: &mut Rng) -> String {
    let first = &CULTURES[rng.below(CULTURES.len())];
    let second = if rng.chance(1.0 / 7.0) {
        &CULTURES[rng.below(CULTURES.len())]
    } else {
        first
    };
    let given = rng.pick(first.given).copied().unwrap_or("Alex");
    let family = rng.pick(second.family).copied().unwrap_or("Doe");
    format!("{given} {family}")
}

/// One member of the interview panel and their habits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Interviewer {
    /// As they type their name; ASCII, so their file names read well.
    pub(crate) name: &'static str,
    /// Added to every rating before rounding: above 0 rates high.
    pub(crate) leniency: f64,
    /// How much their ratings scatter around what they saw.
    pub(crate) noise: f64,
    /// How much more often than usual they leave a scorecard as a draft.
    pub(crate) procrastination: f64,
}

/// The panel. Two lenient, two harsh, the rest near neutral; names reuse the
/// fixtures' interviewers so screenshots and tests read alike.
pub(crate) const PANEL: [Interviewer; 10] = [
    Interviewer {
        name: "Priya Raman",
        leniency: 0.0,
        noise: 0.40,
        procrastination: 0.8,
    },
    Interviewer {
        name: "Sam Lee",
        leniency: 0.9,
        noise: 0.45,
        procrastination: 1.0,
    },
    Interviewer {
        name: "Ana Ruiz",
        leniency: -0.85,
        noise: 0.40,
        procrastination: 0.9,
    },
    Interviewer {
        name: "Kwame Mensah",
        leniency: 0.1,
        noise: 0.50,
        procrastination: 1.0,
    },
    Interviewer {
        name: "Yuki Tanaka",
        leniency: -0.1,
        noise: 0.35,
        procrastination: 0.7,
    },
    Interviewer {
        name: "Lars Johansson",
        leniency: 0.6,
        noise: 0.55,
        procrastination: 1.2,
    },
    Interviewer {
        name: "Fatima Haddad",
        leniency: 0.0,
        noise: 0.45,
        procrastination: 1.0,
    },
    Interviewer {
        name: "Tomasz Nowak",
        leniency: -0.6,
        noise: 0.50,
        procrastination: 1.0,
    },
    Interviewer {
        name: "Grace Okafor",
        leniency: 0.05,
        noise: 0.40,
        procrastination: 0.9,
    },
    Interviewer {
        name: "Daniel Cohen",
        leniency: -0.05,
        noise: 0.60,
        procrastination: 2.2,
    },
];

/// Coordinator notes on a candidate, now and then.
pub(crate) const CANDIDATE_NOTES: &[&str] = &[
    "Referred by a current team member.",
    "Internal transfer from the platform team.",
    "Sourced at a community meetup; strong open-source profile.",
    "Relocating; available in about two months.",
    "Asked for interviews after 14:00 in their time zone.",
    "Second application; last time reached the exercise stage.",
    "Currently on notice; can start in four weeks.",
    "Prefers the remote-first track.",
];

/// Interviewers' free notes on a scorecard, now and then.
pub(crate) const SCORECARD_NOTES: &[&str] = &[
    "Started ten minutes late because of a video-call problem on our side.",
    "Candidate asked good questions about on-call load and team size.",
    "Ran out of time on the last part; covered it briefly at the end.",
    "Calm under pressure; thought aloud throughout.",
    "Would like a second opinion on the design discussion.",
    "Strong communicator; a little quick to jump to tools.",
    "Candidate mentioned a competing offer with a deadline next week.",
    "Audio dropped twice; may have missed some detail.",
];
