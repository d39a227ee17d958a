#include "MigrationNames.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>

namespace strata {

namespace {

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
qint64 daysFromCivil(qint64 year, qint64 month, qint64 day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

} // namespace

std::optional<MigrationNames::PrefixMode> MigrationNames::parsePrefixMode(const QString &name)
{
    if (name == QLatin1String("index"))
        return PrefixMode::Index;
    if (name == QLatin1String("timestamp") || name == QLatin1String("supabase"))
        return PrefixMode::Timestamp;
    if (name == QLatin1String("unix"))
        return PrefixMode::Unix;
    if (name == QLatin1String("none"))
        return PrefixMode::None;
    return std::nullopt;
}

QString MigrationNames::prefixModeName(PrefixMode mode)
{
    switch (mode) {
    case PrefixMode::Index:
        return QStringLiteral("index");
    case PrefixMode::Timestamp:
        return QStringLiteral("timestamp");
    case PrefixMode::Unix:
        return QStringLiteral("unix");
    case PrefixMode::None:
        return QStringLiteral("none");
    }
    return QString();
}

std::optional<MigrationNames::PrefixMode> MigrationNames::detectPrefixMode(const QStringList &tags)
{
    std::optional<PrefixMode> mode;
    for (const QString &tag : tags) {
        const QString prefix = prefixOf(tag);
        bool digits = !prefix.isEmpty();
        for (const QChar c : prefix)
            digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
        std::optional<PrefixMode> one;
        if (tag.startsWith(QLatin1Char('_')))
            one = PrefixMode::None;
        else if (digits && prefix.size() == 14)
            one = PrefixMode::Timestamp;
        else if (digits && prefix.size() == 10)
            one = PrefixMode::Unix;
        else if (digits && prefix.size() >= 4 && prefix.size() < 10)
            one = PrefixMode::Index;
        if (!one || (mode && *mode != *one))
            return std::nullopt;
        mode = one;
    }
    return mode;
}

QString MigrationNames::prefix(PrefixMode mode, int idx, qint64 whenMs)
{
    switch (mode) {
    case PrefixMode::Index:
        return QString::number(idx).rightJustified(4, QLatin1Char('0'));
    case PrefixMode::Timestamp:
        return folderTimestamp(whenMs);
    case PrefixMode::Unix:
        return QString::number(whenMs / 1000);  // Math.floor(Date.now() / 1e3), for times after 1970
    case PrefixMode::None:
        return QString();
    }
    return QString();
}

QString MigrationNames::prefixOf(const QString &tag)
{
    const qsizetype underscore = tag.indexOf(QLatin1Char('_'));
    return underscore < 0 ? tag : tag.left(underscore);
}

QString MigrationNames::randomSuffix()
{
    const QStringList &a = adjectives();
    const QStringList &h = heroes();
    QRandomGenerator *random = QRandomGenerator::global();
    return a.at(random->bounded(int(a.size()))) + QLatin1Char('_') + h.at(random->bounded(int(h.size())));
}

QString MigrationNames::folderTimestamp(qint64 whenMs)
{
    // new Date().toISOString() without "-", ":" and "T", cut to 14 characters: UTC.
    return QDateTime::fromMSecsSinceEpoch(whenMs, QTimeZone::utc()).toString(QStringLiteral("yyyyMMddHHmmss"));
}

std::optional<qint64> MigrationNames::folderMillis(const QString &folderName)
{
    if (folderName.size() < 14)
        return std::nullopt;
    int fields[6] = {};
    const int widths[6] = {4, 2, 2, 2, 2, 2};
    int at = 0;
    for (int i = 0; i < 6; ++i) {
        bool ok = false;
        const QStringView digits = QStringView(folderName).mid(at, widths[i]);
        for (const QChar c : digits) {
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        }
        fields[i] = digits.toInt(&ok);
        if (!ok)
            return std::nullopt;
        at += widths[i];
    }
    // Date.UTC(year, month - 1, day, hour, minute, second) with its arithmetic: a month of
    // 13 or a second of 60 roll over instead of failing, and years 0-99 mean 1900-1999.
    qint64 year = fields[0];
    if (year <= 99)
        year += 1900;
    qint64 month = fields[1] - 1;
    year += month / 12;
    month %= 12;
    const qint64 days = daysFromCivil(year, month + 1, 1) + fields[2] - 1;
    const qint64 seconds = days * 86400 + qint64(fields[3]) * 3600 + qint64(fields[4]) * 60 + fields[5];
    return seconds * 1000;
}

const QStringList &MigrationNames::adjectives()
{
    // drizzle-kit 0.31.11 bin.cjs, module src/utils/words.ts (1.0.0-beta.24 has the same list).
    static const QStringList words = {
    QStringLiteral("abandoned"), QStringLiteral("aberrant"), QStringLiteral("abnormal"),
    QStringLiteral("absent"), QStringLiteral("absurd"), QStringLiteral("acoustic"),
    QStringLiteral("adorable"), QStringLiteral("amazing"), QStringLiteral("ambiguous"),
    QStringLiteral("ambitious"), QStringLiteral("amused"), QStringLiteral("amusing"),
    QStringLiteral("ancient"), QStringLiteral("aromatic"), QStringLiteral("aspiring"),
    QStringLiteral("awesome"), QStringLiteral("bent"), QStringLiteral("big"),
    QStringLiteral("bitter"), QStringLiteral("bizarre"), QStringLiteral("black"),
    QStringLiteral("blue"), QStringLiteral("blushing"), QStringLiteral("bored"),
    QStringLiteral("boring"), QStringLiteral("bouncy"), QStringLiteral("brainy"),
    QStringLiteral("brave"), QStringLiteral("breezy"), QStringLiteral("brief"),
    QStringLiteral("bright"), QStringLiteral("broad"), QStringLiteral("broken"),
    QStringLiteral("brown"), QStringLiteral("bumpy"), QStringLiteral("burly"),
    QStringLiteral("busy"), QStringLiteral("calm"), QStringLiteral("careful"),
    QStringLiteral("careless"), QStringLiteral("certain"), QStringLiteral("charming"),
    QStringLiteral("cheerful"), QStringLiteral("chemical"), QStringLiteral("chief"),
    QStringLiteral("chilly"), QStringLiteral("chubby"), QStringLiteral("chunky"),
    QStringLiteral("clammy"), QStringLiteral("classy"), QStringLiteral("clean"),
    QStringLiteral("clear"), QStringLiteral("clever"), QStringLiteral("cloudy"),
    QStringLiteral("closed"), QStringLiteral("clumsy"), QStringLiteral("cold"),
    QStringLiteral("colorful"), QStringLiteral("colossal"), QStringLiteral("common"),
    QStringLiteral("complete"), QStringLiteral("complex"), QStringLiteral("concerned"),
    QStringLiteral("condemned"), QStringLiteral("confused"), QStringLiteral("conscious"),
    QStringLiteral("cooing"), QStringLiteral("cool"), QStringLiteral("crazy"),
    QStringLiteral("cuddly"), QStringLiteral("cultured"), QStringLiteral("curious"),
    QStringLiteral("curly"), QStringLiteral("curved"), QStringLiteral("curvy"),
    QStringLiteral("cute"), QStringLiteral("cynical"), QStringLiteral("daffy"),
    QStringLiteral("daily"), QStringLiteral("damp"), QStringLiteral("dapper"),
    QStringLiteral("dark"), QStringLiteral("dashing"), QStringLiteral("dazzling"),
    QStringLiteral("dear"), QStringLiteral("deep"), QStringLiteral("demonic"),
    QStringLiteral("dizzy"), QStringLiteral("dry"), QStringLiteral("dusty"),
    QStringLiteral("eager"), QStringLiteral("early"), QStringLiteral("easy"),
    QStringLiteral("elite"), QStringLiteral("eminent"), QStringLiteral("empty"),
    QStringLiteral("equal"), QStringLiteral("even"), QStringLiteral("exotic"),
    QStringLiteral("fair"), QStringLiteral("faithful"), QStringLiteral("familiar"),
    QStringLiteral("famous"), QStringLiteral("fancy"), QStringLiteral("fantastic"),
    QStringLiteral("far"), QStringLiteral("fast"), QStringLiteral("fat"), QStringLiteral("faulty"),
    QStringLiteral("fearless"), QStringLiteral("fine"), QStringLiteral("first"),
    QStringLiteral("fixed"), QStringLiteral("flaky"), QStringLiteral("flashy"),
    QStringLiteral("flat"), QStringLiteral("flawless"), QStringLiteral("flimsy"),
    QStringLiteral("flippant"), QStringLiteral("flowery"), QStringLiteral("fluffy"),
    QStringLiteral("foamy"), QStringLiteral("free"), QStringLiteral("freezing"),
    QStringLiteral("fresh"), QStringLiteral("friendly"), QStringLiteral("funny"),
    QStringLiteral("furry"), QStringLiteral("futuristic"), QStringLiteral("fuzzy"),
    QStringLiteral("giant"), QStringLiteral("gifted"), QStringLiteral("gigantic"),
    QStringLiteral("glamorous"), QStringLiteral("glorious"), QStringLiteral("glossy"),
    QStringLiteral("good"), QStringLiteral("goofy"), QStringLiteral("gorgeous"),
    QStringLiteral("graceful"), QStringLiteral("gray"), QStringLiteral("great"),
    QStringLiteral("greedy"), QStringLiteral("green"), QStringLiteral("grey"),
    QStringLiteral("groovy"), QStringLiteral("handy"), QStringLiteral("happy"),
    QStringLiteral("hard"), QStringLiteral("harsh"), QStringLiteral("heavy"),
    QStringLiteral("hesitant"), QStringLiteral("high"), QStringLiteral("hot"),
    QStringLiteral("huge"), QStringLiteral("icy"), QStringLiteral("illegal"),
    QStringLiteral("jazzy"), QStringLiteral("jittery"), QStringLiteral("keen"),
    QStringLiteral("kind"), QStringLiteral("known"), QStringLiteral("lame"),
    QStringLiteral("large"), QStringLiteral("last"), QStringLiteral("late"), QStringLiteral("lazy"),
    QStringLiteral("lean"), QStringLiteral("left"), QStringLiteral("legal"),
    QStringLiteral("lethal"), QStringLiteral("light"), QStringLiteral("little"),
    QStringLiteral("lively"), QStringLiteral("living"), QStringLiteral("lonely"),
    QStringLiteral("long"), QStringLiteral("loose"), QStringLiteral("loud"),
    QStringLiteral("lovely"), QStringLiteral("loving"), QStringLiteral("low"),
    QStringLiteral("lowly"), QStringLiteral("lucky"), QStringLiteral("lumpy"),
    QStringLiteral("lush"), QStringLiteral("luxuriant"), QStringLiteral("lying"),
    QStringLiteral("lyrical"), QStringLiteral("magenta"), QStringLiteral("magical"),
    QStringLiteral("majestic"), QStringLiteral("many"), QStringLiteral("massive"),
    QStringLiteral("married"), QStringLiteral("marvelous"), QStringLiteral("material"),
    QStringLiteral("mature"), QStringLiteral("mean"), QStringLiteral("medical"),
    QStringLiteral("melodic"), QStringLiteral("melted"), QStringLiteral("messy"),
    QStringLiteral("mighty"), QStringLiteral("military"), QStringLiteral("milky"),
    QStringLiteral("minor"), QStringLiteral("misty"), QStringLiteral("mixed"),
    QStringLiteral("moaning"), QStringLiteral("modern"), QStringLiteral("motionless"),
    QStringLiteral("mushy"), QStringLiteral("mute"), QStringLiteral("mysterious"),
    QStringLiteral("naive"), QStringLiteral("nappy"), QStringLiteral("narrow"),
    QStringLiteral("nasty"), QStringLiteral("natural"), QStringLiteral("neat"),
    QStringLiteral("nebulous"), QStringLiteral("needy"), QStringLiteral("nervous"),
    QStringLiteral("new"), QStringLiteral("next"), QStringLiteral("nice"), QStringLiteral("nifty"),
    QStringLiteral("noisy"), QStringLiteral("normal"), QStringLiteral("nostalgic"),
    QStringLiteral("nosy"), QStringLiteral("numerous"), QStringLiteral("odd"),
    QStringLiteral("old"), QStringLiteral("omniscient"), QStringLiteral("open"),
    QStringLiteral("opposite"), QStringLiteral("optimal"), QStringLiteral("orange"),
    QStringLiteral("ordinary"), QStringLiteral("organic"), QStringLiteral("outgoing"),
    QStringLiteral("outstanding"), QStringLiteral("oval"), QStringLiteral("overconfident"),
    QStringLiteral("overjoyed"), QStringLiteral("overrated"), QStringLiteral("pale"),
    QStringLiteral("panoramic"), QStringLiteral("parallel"), QStringLiteral("parched"),
    QStringLiteral("past"), QStringLiteral("peaceful"), QStringLiteral("perfect"),
    QStringLiteral("perpetual"), QStringLiteral("petite"), QStringLiteral("pink"),
    QStringLiteral("plain"), QStringLiteral("polite"), QStringLiteral("powerful"),
    QStringLiteral("premium"), QStringLiteral("pretty"), QStringLiteral("previous"),
    QStringLiteral("productive"), QStringLiteral("public"), QStringLiteral("purple"),
    QStringLiteral("puzzling"), QStringLiteral("quick"), QStringLiteral("quiet"),
    QStringLiteral("rainy"), QStringLiteral("rapid"), QStringLiteral("rare"),
    QStringLiteral("real"), QStringLiteral("red"), QStringLiteral("redundant"),
    QStringLiteral("reflective"), QStringLiteral("regular"), QStringLiteral("remarkable"),
    QStringLiteral("rich"), QStringLiteral("right"), QStringLiteral("robust"),
    QStringLiteral("romantic"), QStringLiteral("round"), QStringLiteral("sad"),
    QStringLiteral("safe"), QStringLiteral("salty"), QStringLiteral("same"),
    QStringLiteral("secret"), QStringLiteral("serious"), QStringLiteral("shallow"),
    QStringLiteral("sharp"), QStringLiteral("shiny"), QStringLiteral("shocking"),
    QStringLiteral("short"), QStringLiteral("silent"), QStringLiteral("silky"),
    QStringLiteral("silly"), QStringLiteral("simple"), QStringLiteral("skinny"),
    QStringLiteral("sleepy"), QStringLiteral("slim"), QStringLiteral("slimy"),
    QStringLiteral("slippery"), QStringLiteral("sloppy"), QStringLiteral("slow"),
    QStringLiteral("small"), QStringLiteral("smart"), QStringLiteral("smiling"),
    QStringLiteral("smooth"), QStringLiteral("soft"), QStringLiteral("solid"),
    QStringLiteral("sour"), QStringLiteral("sparkling"), QStringLiteral("special"),
    QStringLiteral("spicy"), QStringLiteral("spooky"), QStringLiteral("spotty"),
    QStringLiteral("square"), QStringLiteral("stale"), QStringLiteral("steady"),
    QStringLiteral("steep"), QStringLiteral("sticky"), QStringLiteral("stiff"),
    QStringLiteral("stormy"), QStringLiteral("strange"), QStringLiteral("striped"),
    QStringLiteral("strong"), QStringLiteral("sturdy"), QStringLiteral("sudden"),
    QStringLiteral("superb"), QStringLiteral("supreme"), QStringLiteral("sweet"),
    QStringLiteral("swift"), QStringLiteral("talented"), QStringLiteral("tan"),
    QStringLiteral("tearful"), QStringLiteral("tense"), QStringLiteral("thankful"),
    QStringLiteral("thick"), QStringLiteral("thin"), QStringLiteral("third"),
    QStringLiteral("tidy"), QStringLiteral("tiny"), QStringLiteral("tired"),
    QStringLiteral("tiresome"), QStringLiteral("tough"), QStringLiteral("tranquil"),
    QStringLiteral("tricky"), QStringLiteral("true"), QStringLiteral("typical"),
    QStringLiteral("uneven"), QStringLiteral("unique"), QStringLiteral("unknown"),
    QStringLiteral("unusual"), QStringLiteral("useful"), QStringLiteral("vengeful"),
    QStringLiteral("violet"), QStringLiteral("volatile"), QStringLiteral("wakeful"),
    QStringLiteral("wandering"), QStringLiteral("warm"), QStringLiteral("watery"),
    QStringLiteral("wealthy"), QStringLiteral("wet"), QStringLiteral("white"),
    QStringLiteral("whole"), QStringLiteral("wide"), QStringLiteral("wild"),
    QStringLiteral("windy"), QStringLiteral("wise"), QStringLiteral("wonderful"),
    QStringLiteral("wooden"), QStringLiteral("woozy"), QStringLiteral("workable"),
    QStringLiteral("worried"), QStringLiteral("worthless"), QStringLiteral("yellow"),
    QStringLiteral("yielding"), QStringLiteral("young"), QStringLiteral("youthful"),
    QStringLiteral("yummy"), QStringLiteral("zippy"),
    };
    return words;
}

const QStringList &MigrationNames::heroes()
{
    // drizzle-kit 0.31.11 bin.cjs, module src/utils/words.ts (1.0.0-beta.24 has the same list).
    static const QStringList words = {
    QStringLiteral("aaron_stack"), QStringLiteral("abomination"), QStringLiteral("absorbing_man"),
    QStringLiteral("adam_destine"), QStringLiteral("adam_warlock"), QStringLiteral("agent_brand"),
    QStringLiteral("agent_zero"), QStringLiteral("albert_cleary"), QStringLiteral("alex_power"),
    QStringLiteral("alex_wilder"), QStringLiteral("alice"), QStringLiteral("amazoness"),
    QStringLiteral("amphibian"), QStringLiteral("angel"), QStringLiteral("anita_blake"),
    QStringLiteral("annihilus"), QStringLiteral("anthem"), QStringLiteral("apocalypse"),
    QStringLiteral("aqueduct"), QStringLiteral("arachne"), QStringLiteral("archangel"),
    QStringLiteral("arclight"), QStringLiteral("ares"), QStringLiteral("argent"),
    QStringLiteral("avengers"), QStringLiteral("azazel"), QStringLiteral("banshee"),
    QStringLiteral("baron_strucker"), QStringLiteral("baron_zemo"), QStringLiteral("barracuda"),
    QStringLiteral("bastion"), QStringLiteral("beast"), QStringLiteral("bedlam"),
    QStringLiteral("ben_grimm"), QStringLiteral("ben_parker"), QStringLiteral("ben_urich"),
    QStringLiteral("betty_brant"), QStringLiteral("betty_ross"), QStringLiteral("beyonder"),
    QStringLiteral("big_bertha"), QStringLiteral("bill_hollister"), QStringLiteral("bishop"),
    QStringLiteral("black_bird"), QStringLiteral("black_bolt"), QStringLiteral("black_cat"),
    QStringLiteral("black_crow"), QStringLiteral("black_knight"), QStringLiteral("black_panther"),
    QStringLiteral("black_queen"), QStringLiteral("black_tarantula"), QStringLiteral("black_tom"),
    QStringLiteral("black_widow"), QStringLiteral("blackheart"), QStringLiteral("blacklash"),
    QStringLiteral("blade"), QStringLiteral("blazing_skull"), QStringLiteral("blindfold"),
    QStringLiteral("blink"), QStringLiteral("blizzard"), QStringLiteral("blob"),
    QStringLiteral("blockbuster"), QStringLiteral("blonde_phantom"), QStringLiteral("bloodaxe"),
    QStringLiteral("bloodscream"), QStringLiteral("bloodstorm"), QStringLiteral("bloodstrike"),
    QStringLiteral("blue_blade"), QStringLiteral("blue_marvel"), QStringLiteral("blue_shield"),
    QStringLiteral("blur"), QStringLiteral("boom_boom"), QStringLiteral("boomer"),
    QStringLiteral("boomerang"), QStringLiteral("bromley"), QStringLiteral("brood"),
    QStringLiteral("brother_voodoo"), QStringLiteral("bruce_banner"), QStringLiteral("bucky"),
    QStringLiteral("bug"), QStringLiteral("bulldozer"), QStringLiteral("bullseye"),
    QStringLiteral("bushwacker"), QStringLiteral("butterfly"), QStringLiteral("cable"),
    QStringLiteral("callisto"), QStringLiteral("calypso"), QStringLiteral("cammi"),
    QStringLiteral("cannonball"), QStringLiteral("captain_america"),
    QStringLiteral("captain_britain"), QStringLiteral("captain_cross"),
    QStringLiteral("captain_flint"), QStringLiteral("captain_marvel"),
    QStringLiteral("captain_midlands"), QStringLiteral("captain_stacy"),
    QStringLiteral("captain_universe"), QStringLiteral("cardiac"), QStringLiteral("caretaker"),
    QStringLiteral("cargill"), QStringLiteral("carlie_cooper"),
    QStringLiteral("carmella_unuscione"), QStringLiteral("carnage"),
    QStringLiteral("cassandra_nova"), QStringLiteral("catseye"), QStringLiteral("celestials"),
    QStringLiteral("centennial"), QStringLiteral("cerebro"), QStringLiteral("cerise"),
    QStringLiteral("chamber"), QStringLiteral("chameleon"), QStringLiteral("champions"),
    QStringLiteral("changeling"), QStringLiteral("charles_xavier"), QStringLiteral("chat"),
    QStringLiteral("chimera"), QStringLiteral("christian_walker"), QStringLiteral("chronomancer"),
    QStringLiteral("clea"), QStringLiteral("clint_barton"), QStringLiteral("cloak"),
    QStringLiteral("cobalt_man"), QStringLiteral("colleen_wing"), QStringLiteral("colonel_america"),
    QStringLiteral("colossus"), QStringLiteral("corsair"), QStringLiteral("crusher_hogan"),
    QStringLiteral("crystal"), QStringLiteral("cyclops"), QStringLiteral("dagger"),
    QStringLiteral("daimon_hellstrom"), QStringLiteral("dakota_north"), QStringLiteral("daredevil"),
    QStringLiteral("dark_beast"), QStringLiteral("dark_phoenix"), QStringLiteral("darkhawk"),
    QStringLiteral("darkstar"), QStringLiteral("darwin"), QStringLiteral("dazzler"),
    QStringLiteral("deadpool"), QStringLiteral("deathbird"), QStringLiteral("deathstrike"),
    QStringLiteral("demogoblin"), QStringLiteral("devos"), QStringLiteral("dexter_bennett"),
    QStringLiteral("diamondback"), QStringLiteral("doctor_doom"), QStringLiteral("doctor_faustus"),
    QStringLiteral("doctor_octopus"), QStringLiteral("doctor_spectrum"),
    QStringLiteral("doctor_strange"), QStringLiteral("domino"), QStringLiteral("donald_blake"),
    QStringLiteral("doomsday"), QStringLiteral("doorman"), QStringLiteral("dorian_gray"),
    QStringLiteral("dormammu"), QStringLiteral("dracula"), QStringLiteral("dragon_lord"),
    QStringLiteral("dragon_man"), QStringLiteral("drax"), QStringLiteral("dreadnoughts"),
    QStringLiteral("dreaming_celestial"), QStringLiteral("dust"), QStringLiteral("earthquake"),
    QStringLiteral("echo"), QStringLiteral("eddie_brock"), QStringLiteral("edwin_jarvis"),
    QStringLiteral("ego"), QStringLiteral("electro"), QStringLiteral("elektra"),
    QStringLiteral("emma_frost"), QStringLiteral("enchantress"), QStringLiteral("ender_wiggin"),
    QStringLiteral("energizer"), QStringLiteral("epoch"), QStringLiteral("eternals"),
    QStringLiteral("eternity"), QStringLiteral("excalibur"), QStringLiteral("exiles"),
    QStringLiteral("exodus"), QStringLiteral("expediter"), QStringLiteral("ezekiel"),
    QStringLiteral("ezekiel_stane"), QStringLiteral("fabian_cortez"), QStringLiteral("falcon"),
    QStringLiteral("fallen_one"), QStringLiteral("famine"), QStringLiteral("fantastic_four"),
    QStringLiteral("fat_cobra"), QStringLiteral("felicia_hardy"), QStringLiteral("fenris"),
    QStringLiteral("firebird"), QStringLiteral("firebrand"), QStringLiteral("firedrake"),
    QStringLiteral("firelord"), QStringLiteral("firestar"), QStringLiteral("fixer"),
    QStringLiteral("flatman"), QStringLiteral("forge"), QStringLiteral("forgotten_one"),
    QStringLiteral("frank_castle"), QStringLiteral("franklin_richards"),
    QStringLiteral("franklin_storm"), QStringLiteral("freak"), QStringLiteral("frightful_four"),
    QStringLiteral("frog_thor"), QStringLiteral("gabe_jones"), QStringLiteral("galactus"),
    QStringLiteral("gambit"), QStringLiteral("gamma_corps"), QStringLiteral("gamora"),
    QStringLiteral("gargoyle"), QStringLiteral("garia"), QStringLiteral("gateway"),
    QStringLiteral("gauntlet"), QStringLiteral("genesis"), QStringLiteral("george_stacy"),
    QStringLiteral("gertrude_yorkes"), QStringLiteral("ghost_rider"), QStringLiteral("giant_girl"),
    QStringLiteral("giant_man"), QStringLiteral("gideon"), QStringLiteral("gladiator"),
    QStringLiteral("glorian"), QStringLiteral("goblin_queen"), QStringLiteral("golden_guardian"),
    QStringLiteral("goliath"), QStringLiteral("gorgon"), QStringLiteral("gorilla_man"),
    QStringLiteral("grandmaster"), QStringLiteral("gravity"), QStringLiteral("green_goblin"),
    QStringLiteral("gressill"), QStringLiteral("grey_gargoyle"), QStringLiteral("greymalkin"),
    QStringLiteral("grim_reaper"), QStringLiteral("groot"), QStringLiteral("guardian"),
    QStringLiteral("guardsmen"), QStringLiteral("gunslinger"), QStringLiteral("gwen_stacy"),
    QStringLiteral("hairball"), QStringLiteral("hammerhead"), QStringLiteral("hannibal_king"),
    QStringLiteral("hardball"), QStringLiteral("harpoon"), QStringLiteral("harrier"),
    QStringLiteral("harry_osborn"), QStringLiteral("havok"), QStringLiteral("hawkeye"),
    QStringLiteral("hedge_knight"), QStringLiteral("hellcat"), QStringLiteral("hellfire_club"),
    QStringLiteral("hellion"), QStringLiteral("hemingway"), QStringLiteral("hercules"),
    QStringLiteral("hex"), QStringLiteral("hiroim"), QStringLiteral("hitman"),
    QStringLiteral("hobgoblin"), QStringLiteral("hulk"), QStringLiteral("human_cannonball"),
    QStringLiteral("human_fly"), QStringLiteral("human_robot"), QStringLiteral("human_torch"),
    QStringLiteral("husk"), QStringLiteral("hydra"), QStringLiteral("iceman"),
    QStringLiteral("ikaris"), QStringLiteral("imperial_guard"), QStringLiteral("impossible_man"),
    QStringLiteral("inertia"), QStringLiteral("infant_terrible"), QStringLiteral("inhumans"),
    QStringLiteral("ink"), QStringLiteral("invaders"), QStringLiteral("invisible_woman"),
    QStringLiteral("iron_fist"), QStringLiteral("iron_lad"), QStringLiteral("iron_man"),
    QStringLiteral("iron_monger"), QStringLiteral("iron_patriot"), QStringLiteral("ironclad"),
    QStringLiteral("jack_flag"), QStringLiteral("jack_murdock"), QStringLiteral("jack_power"),
    QStringLiteral("jackal"), QStringLiteral("jackpot"), QStringLiteral("james_howlett"),
    QStringLiteral("jamie_braddock"), QStringLiteral("jane_foster"),
    QStringLiteral("jasper_sitwell"), QStringLiteral("jazinda"), QStringLiteral("jean_grey"),
    QStringLiteral("jetstream"), QStringLiteral("jigsaw"), QStringLiteral("jimmy_woo"),
    QStringLiteral("jocasta"), QStringLiteral("johnny_blaze"), QStringLiteral("johnny_storm"),
    QStringLiteral("joseph"), QStringLiteral("joshua_kane"), QStringLiteral("joystick"),
    QStringLiteral("jubilee"), QStringLiteral("juggernaut"), QStringLiteral("junta"),
    QStringLiteral("justice"), QStringLiteral("justin_hammer"), QStringLiteral("kabuki"),
    QStringLiteral("kang"), QStringLiteral("karen_page"), QStringLiteral("karma"),
    QStringLiteral("karnak"), QStringLiteral("kat_farrell"), QStringLiteral("kate_bishop"),
    QStringLiteral("katie_power"), QStringLiteral("ken_ellis"), QStringLiteral("khan"),
    QStringLiteral("kid_colt"), QStringLiteral("killer_shrike"), QStringLiteral("killmonger"),
    QStringLiteral("killraven"), QStringLiteral("king_bedlam"), QStringLiteral("king_cobra"),
    QStringLiteral("kingpin"), QStringLiteral("kinsey_walden"), QStringLiteral("kitty_pryde"),
    QStringLiteral("klaw"), QStringLiteral("komodo"), QStringLiteral("korath"),
    QStringLiteral("korg"), QStringLiteral("korvac"), QStringLiteral("kree"),
    QStringLiteral("krista_starr"), QStringLiteral("kronos"), QStringLiteral("kulan_gath"),
    QStringLiteral("kylun"), QStringLiteral("la_nuit"), QStringLiteral("lady_bullseye"),
    QStringLiteral("lady_deathstrike"), QStringLiteral("lady_mastermind"),
    QStringLiteral("lady_ursula"), QStringLiteral("lady_vermin"), QStringLiteral("lake"),
    QStringLiteral("landau"), QStringLiteral("layla_miller"), QStringLiteral("leader"),
    QStringLiteral("leech"), QStringLiteral("legion"), QStringLiteral("lenny_balinger"),
    QStringLiteral("leo"), QStringLiteral("leopardon"), QStringLiteral("leper_queen"),
    QStringLiteral("lester"), QStringLiteral("lethal_legion"), QStringLiteral("lifeguard"),
    QStringLiteral("lightspeed"), QStringLiteral("lila_cheney"), QStringLiteral("lilandra"),
    QStringLiteral("lilith"), QStringLiteral("lily_hollister"), QStringLiteral("lionheart"),
    QStringLiteral("living_lightning"), QStringLiteral("living_mummy"),
    QStringLiteral("living_tribunal"), QStringLiteral("liz_osborn"), QStringLiteral("lizard"),
    QStringLiteral("loa"), QStringLiteral("lockheed"), QStringLiteral("lockjaw"),
    QStringLiteral("logan"), QStringLiteral("loki"), QStringLiteral("loners"),
    QStringLiteral("longshot"), QStringLiteral("lord_hawal"), QStringLiteral("lord_tyger"),
    QStringLiteral("lorna_dane"), QStringLiteral("luckman"), QStringLiteral("lucky_pierre"),
    QStringLiteral("luke_cage"), QStringLiteral("luminals"), QStringLiteral("lyja"),
    QStringLiteral("ma_gnuci"), QStringLiteral("mac_gargan"), QStringLiteral("mach_iv"),
    QStringLiteral("machine_man"), QStringLiteral("mad_thinker"), QStringLiteral("madame_hydra"),
    QStringLiteral("madame_masque"), QStringLiteral("madame_web"), QStringLiteral("maddog"),
    QStringLiteral("madelyne_pryor"), QStringLiteral("madripoor"), QStringLiteral("madrox"),
    QStringLiteral("maelstrom"), QStringLiteral("maestro"), QStringLiteral("magdalene"),
    QStringLiteral("maggott"), QStringLiteral("magik"), QStringLiteral("maginty"),
    QStringLiteral("magma"), QStringLiteral("magneto"), QStringLiteral("magus"),
    QStringLiteral("major_mapleleaf"), QStringLiteral("makkari"), QStringLiteral("malcolm_colcord"),
    QStringLiteral("malice"), QStringLiteral("mandarin"), QStringLiteral("mandrill"),
    QStringLiteral("mandroid"), QStringLiteral("manta"), QStringLiteral("mantis"),
    QStringLiteral("marauders"), QStringLiteral("maria_hill"), QStringLiteral("mariko_yashida"),
    QStringLiteral("marrow"), QStringLiteral("marten_broadcloak"), QStringLiteral("martin_li"),
    QStringLiteral("marvel_apes"), QStringLiteral("marvel_boy"), QStringLiteral("marvel_zombies"),
    QStringLiteral("marvex"), QStringLiteral("masked_marvel"), QStringLiteral("masque"),
    QStringLiteral("master_chief"), QStringLiteral("master_mold"), QStringLiteral("mastermind"),
    QStringLiteral("mathemanic"), QStringLiteral("matthew_murdock"),
    QStringLiteral("mattie_franklin"), QStringLiteral("mauler"), QStringLiteral("maverick"),
    QStringLiteral("maximus"), QStringLiteral("may_parker"), QStringLiteral("medusa"),
    QStringLiteral("meggan"), QStringLiteral("meltdown"), QStringLiteral("menace"),
    QStringLiteral("mentallo"), QStringLiteral("mentor"), QStringLiteral("mephisto"),
    QStringLiteral("mephistopheles"), QStringLiteral("mercury"), QStringLiteral("mesmero"),
    QStringLiteral("metal_master"), QStringLiteral("meteorite"), QStringLiteral("micromacro"),
    QStringLiteral("microbe"), QStringLiteral("microchip"), QStringLiteral("micromax"),
    QStringLiteral("midnight"), QStringLiteral("miek"), QStringLiteral("mikhail_rasputin"),
    QStringLiteral("millenium_guard"), QStringLiteral("mimic"), QStringLiteral("mindworm"),
    QStringLiteral("miracleman"), QStringLiteral("miss_america"), QStringLiteral("mister_fear"),
    QStringLiteral("mister_sinister"), QStringLiteral("misty_knight"),
    QStringLiteral("mockingbird"), QStringLiteral("moira_mactaggert"), QStringLiteral("mojo"),
    QStringLiteral("mole_man"), QStringLiteral("molecule_man"), QStringLiteral("molly_hayes"),
    QStringLiteral("molten_man"), QStringLiteral("mongoose"), QStringLiteral("mongu"),
    QStringLiteral("monster_badoon"), QStringLiteral("moon_knight"), QStringLiteral("moondragon"),
    QStringLiteral("moonstone"), QStringLiteral("morbius"), QStringLiteral("mordo"),
    QStringLiteral("morg"), QStringLiteral("morgan_stark"), QStringLiteral("morlocks"),
    QStringLiteral("morlun"), QStringLiteral("morph"), QStringLiteral("mother_askani"),
    QStringLiteral("mulholland_black"), QStringLiteral("multiple_man"), QStringLiteral("mysterio"),
    QStringLiteral("mystique"), QStringLiteral("namor"), QStringLiteral("namora"),
    QStringLiteral("namorita"), QStringLiteral("naoko"), QStringLiteral("natasha_romanoff"),
    QStringLiteral("nebula"), QStringLiteral("nehzno"), QStringLiteral("nekra"),
    QStringLiteral("nemesis"), QStringLiteral("network"), QStringLiteral("newton_destine"),
    QStringLiteral("next_avengers"), QStringLiteral("nextwave"), QStringLiteral("nick_fury"),
    QStringLiteral("nico_minoru"), QStringLiteral("nicolaos"), QStringLiteral("night_nurse"),
    QStringLiteral("night_thrasher"), QStringLiteral("nightcrawler"), QStringLiteral("nighthawk"),
    QStringLiteral("nightmare"), QStringLiteral("nightshade"), QStringLiteral("nitro"),
    QStringLiteral("nocturne"), QStringLiteral("nomad"), QStringLiteral("norman_osborn"),
    QStringLiteral("norrin_radd"), QStringLiteral("northstar"), QStringLiteral("nova"),
    QStringLiteral("nuke"), QStringLiteral("obadiah_stane"), QStringLiteral("odin"),
    QStringLiteral("ogun"), QStringLiteral("old_lace"), QStringLiteral("omega_flight"),
    QStringLiteral("omega_red"), QStringLiteral("omega_sentinel"), QStringLiteral("onslaught"),
    QStringLiteral("oracle"), QStringLiteral("orphan"), QStringLiteral("otto_octavius"),
    QStringLiteral("outlaw_kid"), QStringLiteral("overlord"), QStringLiteral("owl"),
    QStringLiteral("ozymandias"), QStringLiteral("paibok"), QStringLiteral("paladin"),
    QStringLiteral("pandemic"), QStringLiteral("paper_doll"), QStringLiteral("patch"),
    QStringLiteral("patriot"), QStringLiteral("payback"), QStringLiteral("penance"),
    QStringLiteral("pepper_potts"), QStringLiteral("pestilence"), QStringLiteral("pet_avengers"),
    QStringLiteral("pete_wisdom"), QStringLiteral("peter_parker"), QStringLiteral("peter_quill"),
    QStringLiteral("phalanx"), QStringLiteral("phantom_reporter"), QStringLiteral("phil_sheldon"),
    QStringLiteral("photon"), QStringLiteral("piledriver"), QStringLiteral("pixie"),
    QStringLiteral("plazm"), QStringLiteral("polaris"), QStringLiteral("post"),
    QStringLiteral("power_man"), QStringLiteral("power_pack"), QStringLiteral("praxagora"),
    QStringLiteral("preak"), QStringLiteral("pretty_boy"), QStringLiteral("pride"),
    QStringLiteral("prima"), QStringLiteral("princess_powerful"), QStringLiteral("prism"),
    QStringLiteral("prodigy"), QStringLiteral("proemial_gods"), QStringLiteral("professor_monster"),
    QStringLiteral("proteus"), QStringLiteral("proudstar"), QStringLiteral("prowler"),
    QStringLiteral("psylocke"), QStringLiteral("psynapse"), QStringLiteral("puck"),
    QStringLiteral("puff_adder"), QStringLiteral("puma"), QStringLiteral("punisher"),
    QStringLiteral("puppet_master"), QStringLiteral("purifiers"), QStringLiteral("purple_man"),
    QStringLiteral("pyro"), QStringLiteral("quasar"), QStringLiteral("quasimodo"),
    QStringLiteral("queen_noir"), QStringLiteral("quentin_quire"), QStringLiteral("quicksilver"),
    QStringLiteral("rachel_grey"), QStringLiteral("radioactive_man"), QStringLiteral("rafael_vega"),
    QStringLiteral("rage"), QStringLiteral("raider"), QStringLiteral("randall"),
    QStringLiteral("randall_flagg"), QStringLiteral("random"), QStringLiteral("rattler"),
    QStringLiteral("ravenous"), QStringLiteral("rawhide_kid"), QStringLiteral("raza"),
    QStringLiteral("reaper"), QStringLiteral("reavers"), QStringLiteral("red_ghost"),
    QStringLiteral("red_hulk"), QStringLiteral("red_shift"), QStringLiteral("red_skull"),
    QStringLiteral("red_wolf"), QStringLiteral("redwing"), QStringLiteral("reptil"),
    QStringLiteral("retro_girl"), QStringLiteral("revanche"), QStringLiteral("rhino"),
    QStringLiteral("rhodey"), QStringLiteral("richard_fisk"), QStringLiteral("rick_jones"),
    QStringLiteral("ricochet"), QStringLiteral("rictor"), QStringLiteral("riptide"),
    QStringLiteral("risque"), QStringLiteral("robbie_robertson"), QStringLiteral("robin_chapel"),
    QStringLiteral("rocket_raccoon"), QStringLiteral("rocket_racer"), QStringLiteral("rockslide"),
    QStringLiteral("rogue"), QStringLiteral("roland_deschain"), QStringLiteral("romulus"),
    QStringLiteral("ronan"), QStringLiteral("roughhouse"), QStringLiteral("roulette"),
    QStringLiteral("roxanne_simpson"), QStringLiteral("rumiko_fujikawa"),
    QStringLiteral("runaways"), QStringLiteral("sabra"), QStringLiteral("sabretooth"),
    QStringLiteral("sage"), QStringLiteral("sally_floyd"), QStringLiteral("salo"),
    QStringLiteral("sandman"), QStringLiteral("santa_claus"), QStringLiteral("saracen"),
    QStringLiteral("sasquatch"), QStringLiteral("satana"), QStringLiteral("sauron"),
    QStringLiteral("scalphunter"), QStringLiteral("scarecrow"), QStringLiteral("scarlet_spider"),
    QStringLiteral("scarlet_witch"), QStringLiteral("scorpion"), QStringLiteral("scourge"),
    QStringLiteral("scrambler"), QStringLiteral("scream"), QStringLiteral("screwball"),
    QStringLiteral("sebastian_shaw"), QStringLiteral("secret_warriors"), QStringLiteral("selene"),
    QStringLiteral("senator_kelly"), QStringLiteral("sentinel"), QStringLiteral("sentinels"),
    QStringLiteral("sentry"), QStringLiteral("ser_duncan"), QStringLiteral("serpent_society"),
    QStringLiteral("sersi"), QStringLiteral("shadow_king"), QStringLiteral("shadowcat"),
    QStringLiteral("shaman"), QStringLiteral("shape"), QStringLiteral("shard"),
    QStringLiteral("sharon_carter"), QStringLiteral("sharon_ventura"),
    QStringLiteral("shatterstar"), QStringLiteral("shen"), QStringLiteral("sheva_callister"),
    QStringLiteral("shinko_yamashiro"), QStringLiteral("shinobi_shaw"), QStringLiteral("shiva"),
    QStringLiteral("shiver_man"), QStringLiteral("shocker"), QStringLiteral("shockwave"),
    QStringLiteral("shooting_star"), QStringLiteral("shotgun"), QStringLiteral("shriek"),
    QStringLiteral("silhouette"), QStringLiteral("silk_fever"), QStringLiteral("silver_centurion"),
    QStringLiteral("silver_fox"), QStringLiteral("silver_sable"), QStringLiteral("silver_samurai"),
    QStringLiteral("silver_surfer"), QStringLiteral("silverclaw"), QStringLiteral("silvermane"),
    QStringLiteral("sinister_six"), QStringLiteral("sir_ram"), QStringLiteral("siren"),
    QStringLiteral("sister_grimm"), QStringLiteral("skaar"), QStringLiteral("skin"),
    QStringLiteral("skreet"), QStringLiteral("skrulls"), QStringLiteral("skullbuster"),
    QStringLiteral("slapstick"), QStringLiteral("slayback"), QStringLiteral("sleeper"),
    QStringLiteral("sleepwalker"), QStringLiteral("slipstream"), QStringLiteral("slyde"),
    QStringLiteral("smasher"), QStringLiteral("smiling_tiger"), QStringLiteral("snowbird"),
    QStringLiteral("solo"), QStringLiteral("songbird"), QStringLiteral("spacker_dave"),
    QStringLiteral("spectrum"), QStringLiteral("speed"), QStringLiteral("speed_demon"),
    QStringLiteral("speedball"), QStringLiteral("spencer_smythe"), QStringLiteral("sphinx"),
    QStringLiteral("spiral"), QStringLiteral("spirit"), QStringLiteral("spitfire"),
    QStringLiteral("spot"), QStringLiteral("sprite"), QStringLiteral("spyke"),
    QStringLiteral("squadron_sinister"), QStringLiteral("squadron_supreme"),
    QStringLiteral("squirrel_girl"), QStringLiteral("star_brand"), QStringLiteral("starbolt"),
    QStringLiteral("stardust"), QStringLiteral("starfox"), QStringLiteral("starhawk"),
    QStringLiteral("starjammers"), QStringLiteral("stark_industries"), QStringLiteral("stature"),
    QStringLiteral("steel_serpent"), QStringLiteral("stellaris"),
    QStringLiteral("stepford_cuckoos"), QStringLiteral("stephen_strange"),
    QStringLiteral("steve_rogers"), QStringLiteral("stick"), QStringLiteral("stingray"),
    QStringLiteral("stone_men"), QStringLiteral("storm"), QStringLiteral("stranger"),
    QStringLiteral("strong_guy"), QStringLiteral("stryfe"), QStringLiteral("sue_storm"),
    QStringLiteral("sugar_man"), QStringLiteral("sumo"), QStringLiteral("sunfire"),
    QStringLiteral("sunset_bain"), QStringLiteral("sunspot"), QStringLiteral("supernaut"),
    QStringLiteral("supreme_intelligence"), QStringLiteral("surge"),
    QStringLiteral("susan_delgado"), QStringLiteral("swarm"), QStringLiteral("sway"),
    QStringLiteral("switch"), QStringLiteral("swordsman"), QStringLiteral("synch"),
    QStringLiteral("tag"), QStringLiteral("talisman"), QStringLiteral("talkback"),
    QStringLiteral("talon"), QStringLiteral("talos"), QStringLiteral("tana_nile"),
    QStringLiteral("tarantula"), QStringLiteral("tarot"), QStringLiteral("taskmaster"),
    QStringLiteral("tattoo"), QStringLiteral("ted_forrester"), QStringLiteral("tempest"),
    QStringLiteral("tenebrous"), QStringLiteral("terrax"), QStringLiteral("terror"),
    QStringLiteral("texas_twister"), QStringLiteral("thaddeus_ross"), QStringLiteral("thanos"),
    QStringLiteral("the_anarchist"), QStringLiteral("the_call"), QStringLiteral("the_captain"),
    QStringLiteral("the_enforcers"), QStringLiteral("the_executioner"),
    QStringLiteral("the_fallen"), QStringLiteral("the_fury"), QStringLiteral("the_hand"),
    QStringLiteral("the_hood"), QStringLiteral("the_hunter"), QStringLiteral("the_initiative"),
    QStringLiteral("the_leader"), QStringLiteral("the_liberteens"), QStringLiteral("the_order"),
    QStringLiteral("the_phantom"), QStringLiteral("the_professor"), QStringLiteral("the_renegades"),
    QStringLiteral("the_santerians"), QStringLiteral("the_spike"), QStringLiteral("the_stranger"),
    QStringLiteral("the_twelve"), QStringLiteral("the_watchers"), QStringLiteral("thena"),
    QStringLiteral("thing"), QStringLiteral("thor"), QStringLiteral("thor_girl"),
    QStringLiteral("thunderball"), QStringLiteral("thunderbird"), QStringLiteral("thunderbolt"),
    QStringLiteral("thunderbolt_ross"), QStringLiteral("thunderbolts"), QStringLiteral("thundra"),
    QStringLiteral("tiger_shark"), QStringLiteral("tigra"), QStringLiteral("timeslip"),
    QStringLiteral("tinkerer"), QStringLiteral("titania"), QStringLiteral("titanium_man"),
    QStringLiteral("toad"), QStringLiteral("toad_men"), QStringLiteral("tomas"),
    QStringLiteral("tombstone"), QStringLiteral("tomorrow_man"), QStringLiteral("tony_stark"),
    QStringLiteral("toro"), QStringLiteral("toxin"), QStringLiteral("trauma"),
    QStringLiteral("triathlon"), QStringLiteral("trish_tilby"), QStringLiteral("triton"),
    QStringLiteral("true_believers"), QStringLiteral("turbo"), QStringLiteral("tusk"),
    QStringLiteral("tyger_tiger"), QStringLiteral("typhoid_mary"), QStringLiteral("tyrannus"),
    QStringLiteral("ulik"), QStringLiteral("ultimates"), QStringLiteral("ultimatum"),
    QStringLiteral("ultimo"), QStringLiteral("ultragirl"), QStringLiteral("ultron"),
    QStringLiteral("umar"), QStringLiteral("unicorn"), QStringLiteral("union_jack"),
    QStringLiteral("unus"), QStringLiteral("valeria_richards"), QStringLiteral("valkyrie"),
    QStringLiteral("vampiro"), QStringLiteral("vance_astro"), QStringLiteral("vanisher"),
    QStringLiteral("vapor"), QStringLiteral("vargas"), QStringLiteral("vector"),
    QStringLiteral("veda"), QStringLiteral("vengeance"), QStringLiteral("venom"),
    QStringLiteral("venus"), QStringLiteral("vermin"), QStringLiteral("vertigo"),
    QStringLiteral("victor_mancha"), QStringLiteral("vin_gonzales"), QStringLiteral("vindicator"),
    QStringLiteral("violations"), QStringLiteral("viper"), QStringLiteral("virginia_dare"),
    QStringLiteral("vision"), QStringLiteral("vivisector"), QStringLiteral("vulcan"),
    QStringLiteral("vulture"), QStringLiteral("wallflower"), QStringLiteral("wallop"),
    QStringLiteral("wallow"), QStringLiteral("war_machine"), QStringLiteral("warbird"),
    QStringLiteral("warbound"), QStringLiteral("warhawk"), QStringLiteral("warlock"),
    QStringLiteral("warpath"), QStringLiteral("warstar"), QStringLiteral("wasp"),
    QStringLiteral("weapon_omega"), QStringLiteral("wendell_rand"),
    QStringLiteral("wendell_vaughn"), QStringLiteral("wendigo"), QStringLiteral("whiplash"),
    QStringLiteral("whirlwind"), QStringLiteral("whistler"), QStringLiteral("white_queen"),
    QStringLiteral("white_tiger"), QStringLiteral("whizzer"), QStringLiteral("wiccan"),
    QStringLiteral("wild_child"), QStringLiteral("wild_pack"), QStringLiteral("wildside"),
    QStringLiteral("william_stryker"), QStringLiteral("wilson_fisk"), QStringLiteral("wind_dancer"),
    QStringLiteral("winter_soldier"), QStringLiteral("wither"), QStringLiteral("wolf_cub"),
    QStringLiteral("wolfpack"), QStringLiteral("wolfsbane"), QStringLiteral("wolverine"),
    QStringLiteral("wonder_man"), QStringLiteral("wong"), QStringLiteral("wraith"),
    QStringLiteral("wrecker"), QStringLiteral("wrecking_crew"), QStringLiteral("xavin"),
    QStringLiteral("xorn"), QStringLiteral("yellow_claw"), QStringLiteral("yellowjacket"),
    QStringLiteral("young_avengers"), QStringLiteral("zaladane"), QStringLiteral("zaran"),
    QStringLiteral("zarda"), QStringLiteral("zarek"), QStringLiteral("zeigeist"),
    QStringLiteral("zemo"), QStringLiteral("zodiak"), QStringLiteral("zombie"),
    QStringLiteral("zuras"), QStringLiteral("zzzax"),
    };
    return words;
}

} // namespace strata
