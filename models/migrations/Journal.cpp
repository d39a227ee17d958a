#include "Journal.h"

#include "JsJson.h"
#include "NodeUtf8.h"
#include "Tr.h"
#include "text/StatementSplitter.h"

#include <cmath>

namespace strata {

using Json = nlohmann::ordered_json;
using Severity = MigrationProblem::Severity;
using Kind = MigrationProblem::Kind;

struct Journal::Document {
    Json json;
};

namespace {

Json emptyJournal()
{
    // Key order is drizzle-kit's dryJournal(): version, dialect, entries.
    Json json = Json::object();
    json["version"] = "7";
    json["dialect"] = "postgresql";
    json["entries"] = Json::array();
    return json;
}

// The line on which each element of the top-level "entries" array starts. nlohmann keeps
// no positions, so a small scan of the bytes finds them (strings and nesting only).
QList<int> entryLines(const QByteArray &json)
{
    QList<int> lines;
    int line = 1;
    int depth = 0;
    int entriesDepth = -1;  // depth inside the entries array, while in it
    bool inString = false;
    bool escaped = false;
    bool expectValue = false;
    QByteArray string;
    QByteArray key;  // the last key read in the top-level object
    for (const char c : json) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            else
                string += c;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (entriesDepth >= 0 && depth == entriesDepth && expectValue && c != ']') {
            lines.append(line);
            expectValue = false;
        }
        switch (c) {
        case '"':
            inString = true;
            string.clear();
            break;
        case ':':
            if (depth == 1)
                key = string;
            break;
        case ',':
            if (depth == entriesDepth)
                expectValue = true;
            break;
        case '{':
        case '[':
            ++depth;
            if (c == '[' && depth == 2 && key == "entries") {
                entriesDepth = depth;
                expectValue = true;
            }
            break;
        case '}':
        case ']':
            if (depth == entriesDepth)
                entriesDepth = -1;
            --depth;
            break;
        default:
            break;
        }
    }
    return lines;
}

// nlohmann's message without its "[json.exception…] parse error at line L, column C: "
// prefix: Strata gives the place itself, in characters.
QString parseMessage(const std::string &what)
{
    const auto column = what.find("column");
    const auto colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return QString::fromStdString(colon == std::string::npos ? what : what.substr(colon + 2));
}

} // namespace

QString Journal::fileName()
{
    return QStringLiteral("meta/_journal.json");
}

Journal::Journal()
    : m_document(std::make_shared<Document>(Document{emptyJournal()})),
      m_version(QStringLiteral("7")),
      m_dialect(QStringLiteral("postgresql"))
{
}

Journal Journal::parse(const QByteArray &json, QList<MigrationProblem> *problems)
{
    QList<MigrationProblem> found;
    auto report = [&](Severity severity, Kind kind, int line, int column, const QString &message,
                      const QString &tag = QString()) {
        found.append(MigrationProblem{severity, kind, fileName(), line, column, tag, message});
    };
    Journal journal;
    journal.m_entries.clear();
    journal.m_version.clear();
    journal.m_dialect.clear();

    if (json.startsWith("\xEF\xBB\xBF")) {
        report(Severity::Error, Kind::JournalMalformed, 1, 1,
               Tr::tr("the journal starts with a byte order mark, which drizzle's JSON.parse refuses"));
    }
    auto document = std::make_shared<Document>();
    try {
        document->json = Json::parse(json.constBegin(), json.constEnd());
    } catch (const Json::parse_error &error) {
        const QString text = NodeUtf8::decode(json).text;
        const TextPosition at = StatementSplitter::positionAtByte(text, qsizetype(error.byte) - 1);
        report(Severity::Error, Kind::JournalMalformed, at.line, at.column,
               Tr::tr("the journal is not valid JSON: %1").arg(parseMessage(error.what())));
        journal.m_valid = false;
        journal.m_document.reset();
        if (problems)
            problems->append(found);
        return journal;
    }
    const Json &root = document->json;
    if (!root.is_object()) {
        report(Severity::Error, Kind::JournalMalformed, 1, 1, Tr::tr("the journal is not a JSON object"));
        journal.m_valid = false;
        journal.m_document.reset();
        if (problems)
            problems->append(found);
        return journal;
    }
    journal.m_document = document;

    const auto version = root.find("version");
    if (version != root.end() && version->is_string())
        journal.m_version = QString::fromStdString(version->get<std::string>());
    const auto dialect = root.find("dialect");
    if (dialect != root.end() && dialect->is_string())
        journal.m_dialect = QString::fromStdString(dialect->get<std::string>());

    const QStringList otherDialects = {QStringLiteral("mysql"), QStringLiteral("sqlite"),
                                       QStringLiteral("turso"), QStringLiteral("singlestore"),
                                       QStringLiteral("gel")};
    if (otherDialects.contains(journal.m_dialect)) {
        report(Severity::Error, Kind::JournalHeader, 0, 0,
               Tr::tr("the journal is for dialect \"%1\"; Strata reads PostgreSQL folders only").arg(journal.m_dialect));
    } else if (journal.m_dialect == QLatin1String("pg")) {
        report(Severity::Note, Kind::JournalHeader, 0, 0,
               Tr::tr("the journal has the header of drizzle-kit before 0.21 (dialect \"pg\"); "
                      "drizzle-kit keeps it as it is, and so does Strata"));
    } else if (journal.m_dialect != QLatin1String("postgresql")) {
        report(Severity::Warning, Kind::JournalHeader, 0, 0,
               journal.m_dialect.isEmpty()
                   ? Tr::tr("the journal names no dialect (expected \"postgresql\")")
                   : Tr::tr("unknown journal dialect \"%1\" (expected \"postgresql\")").arg(journal.m_dialect));
    }
    const QStringList knownVersions = {QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")};
    if (!knownVersions.contains(journal.m_version)) {
        report(Severity::Warning, Kind::JournalHeader, 0, 0,
               journal.m_version.isEmpty()
                   ? Tr::tr("the journal has no version (expected \"7\")")
                   : Tr::tr("unknown journal version \"%1\" (Strata knows 5, 6 and 7)").arg(journal.m_version));
    }

    const auto entries = root.find("entries");
    if (entries == root.end() || !entries->is_array()) {
        report(Severity::Error, Kind::JournalMalformed, 0, 0,
               Tr::tr("the journal has no \"entries\" array; drizzle's migrator cannot read it"));
        journal.m_valid = false;
        if (problems)
            problems->append(found);
        return journal;
    }
    const QList<int> lines = entryLines(json);
    int position = 0;
    for (const Json &element : *entries) {
        const int line = lines.value(position, 0);
        ++position;
        if (!element.is_object()) {
            report(Severity::Error, Kind::JournalEntryInvalid, line, 0,
                   Tr::tr("journal entry %1 is not an object").arg(position - 1));
            continue;
        }
        JournalEntry entry;
        entry.line = line;
        const auto tag = element.find("tag");
        if (tag == element.end() || !tag->is_string() || tag->get_ref<const std::string &>().empty()) {
            report(Severity::Error, Kind::JournalEntryInvalid, line, 0,
                   Tr::tr("journal entry %1 has no tag: drizzle's migrator would look for a file "
                          "named \"undefined.sql\"").arg(position - 1));
            continue;
        }
        entry.tag = QString::fromStdString(tag->get<std::string>());
        const auto idx = element.find("idx");
        if (idx != element.end() && idx->is_number()) {
            const double value = idx->get<double>();
            if (value == std::floor(value) && value >= 0 && value < 1e9)
                entry.idx = int(value);
        }
        if (entry.idx < 0) {
            report(Severity::Warning, Kind::JournalEntryInvalid, line, 0,
                   Tr::tr("journal entry %1 has no whole-number idx: drizzle-kit generate numbers "
                          "the next migration from it").arg(entry.tag), entry.tag);
        }
        const auto entryVersion = element.find("version");
        if (entryVersion != element.end() && entryVersion->is_string())
            entry.version = QString::fromStdString(entryVersion->get<std::string>());
        const auto when = element.find("when");
        if (when != element.end() && when->is_number()) {
            entry.when = qint64(when->get<double>());
            if (when->is_number_integer())
                entry.when = when->get<qint64>();
            entry.hasWhen = true;
        } else {
            report(Severity::Error, Kind::JournalEntryInvalid, line, 0,
                   Tr::tr("journal entry %1 has no numeric \"when\": drizzle's migrator compares "
                          "and stores it as created_at").arg(entry.tag), entry.tag);
        }
        const auto breakpoints = element.find("breakpoints");
        if (breakpoints != element.end() && breakpoints->is_boolean())
            entry.breakpoints = breakpoints->get<bool>();
        journal.m_entries.append(entry);
    }
    if (problems)
        problems->append(found);
    return journal;
}

int Journal::nextIdx() const
{
    return m_entries.isEmpty() ? 0 : m_entries.last().idx + 1;
}

Journal Journal::withEntry(const JournalEntry &entry) const
{
    Journal result = *this;
    auto document = std::make_shared<Document>();
    document->json = m_document ? m_document->json : emptyJournal();
    Json &entries = document->json["entries"];
    if (!entries.is_array())
        entries = Json::array();
    // Key order of drizzle-kit's writeResult: idx, version, when, tag, breakpoints.
    Json added = Json::object();
    added["idx"] = entry.idx;
    added["version"] = (entry.version.isEmpty() ? QStringLiteral("7") : entry.version).toStdString();
    added["when"] = entry.when;
    added["tag"] = entry.tag.toStdString();
    added["breakpoints"] = entry.breakpoints;
    entries.push_back(std::move(added));
    result.m_document = document;
    result.m_valid = true;
    JournalEntry appended = entry;
    appended.hasWhen = true;
    appended.line = 0;
    if (appended.version.isEmpty())
        appended.version = QStringLiteral("7");
    result.m_entries.append(appended);
    return result;
}

QByteArray Journal::toJson() const
{
    return JsJson::stringify(m_document ? m_document->json : emptyJournal(), 2);
}

} // namespace strata
