#include "SnapshotReader.h"

#include "SnapshotTypes.h"
#include "SnapshotWriter.h"
#include "Tr.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace strata {

namespace {

using Json = SnapshotReader::Json;
using Path = SnapshotReader::Path;

// Deeper than any snapshot nests (a default value is the deepest part, at about 8): the
// limit keeps recursive walks over hostile input off the end of the stack.
constexpr int maxDepth = 256;

Path child(const Path &path, const std::string &key)
{
    Path result = path;
    result.push_back({key, -1});
    return result;
}

Path child(const Path &path, int index)
{
    Path result = path;
    result.push_back({std::string(), index});
    return result;
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object:
        return Tr::tr("an object");
    case Json::value_t::array:
        return Tr::tr("an array");
    case Json::value_t::string:
        return Tr::tr("a string");
    case Json::value_t::boolean:
        return Tr::tr("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return Tr::tr("a number");
    case Json::value_t::null:
        return Tr::tr("null");
    case Json::value_t::binary:
    case Json::value_t::discarded:
        break;
    }
    return Tr::tr("something else");
}

QString wrongType(const QString &expected, const Json &found)
{
    return Tr::tr("Expected %1, found %2.").arg(expected, typeName(found));
}

std::optional<ForeignKeyAction> actionFromText(const QString &text)
{
    const QString lower = text.toLower();
    if (lower == QLatin1String("no action"))
        return ForeignKeyAction::NoAction;
    if (lower == QLatin1String("restrict"))
        return ForeignKeyAction::Restrict;
    if (lower == QLatin1String("cascade"))
        return ForeignKeyAction::Cascade;
    if (lower == QLatin1String("set null"))
        return ForeignKeyAction::SetNull;
    if (lower == QLatin1String("set default"))
        return ForeignKeyAction::SetDefault;
    return std::nullopt;
}

// A scalar option value ("with" of indexes) as the text PostgreSQL keeps in reloptions.
QString optionText(const Json &value)
{
    if (value.is_string())
        return qs(value.get<std::string>());
    return qs(SnapshotWriter::compact(value));
}

qsizetype depthExceededAt(const QByteArray &json, int limit)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char ch = json.at(i);
        if (inString) {
            if (ch == '\\')
                ++i;
            else if (ch == '"')
                inString = false;
        } else if (ch == '"') {
            inString = true;
        } else if (ch == '{' || ch == '[') {
            if (++depth > limit)
                return i;
        } else if (ch == '}' || ch == ']') {
            --depth;
        }
    }
    return -1;
}

// An input iterator over the bytes that tells how far nlohmann's lexer has read: the only
// position the SAX interface offers.
class CountingIterator
{
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    CountingIterator(const char *position, const char **cursor) : m_position(position), m_cursor(cursor) {}
    reference operator*() const { return *m_position; }
    CountingIterator &operator++()
    {
        ++m_position;
        *m_cursor = m_position;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const CountingIterator &other) const { return m_position == other.m_position; }
    bool operator!=(const CountingIterator &other) const { return m_position != other.m_position; }

private:
    const char *m_position;
    const char **m_cursor;
};

// Follows the SAX events to the value or key at a path and notes where its token starts.
// The lexer has read just past the token when an event arrives (one byte further for
// numbers, whose end it only sees at the next byte), so the start is found by looking back.
class Locator : public nlohmann::json_sax<Json>
{
public:
    Locator(const char *begin, const char *const *cursor, const Path &target,
            SnapshotReader::Target kind)
        : m_begin(begin), m_cursor(cursor), m_target(target), m_kind(kind)
    {}

    qsizetype found = -1;

    bool null() override { return scalar(Token::Literal, 4); }
    bool boolean(bool value) override { return scalar(Token::Literal, value ? 4 : 5); }
    bool number_integer(number_integer_t) override { return scalar(Token::Number, 0); }
    bool number_unsigned(number_unsigned_t) override { return scalar(Token::Number, 0); }
    bool number_float(number_float_t, const string_t &) override { return scalar(Token::Number, 0); }
    bool string(string_t &) override { return scalar(Token::String, 0); }
    bool binary(binary_t &) override { return scalar(Token::Literal, 0); }
    bool start_object(std::size_t) override { return open(false); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t &key) override
    {
        m_frames.back().key = key;
        if (m_kind == SnapshotReader::Target::Key && matches()) {
            found = stringStart();
            return false;
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    enum class Token { Literal, Number, String, Bracket };
    struct Frame {
        bool isArray = false;
        std::string key;
        int index = 0;
    };

    bool matches() const
    {
        if (m_frames.size() != m_target.size())
            return false;
        for (std::size_t i = 0; i < m_frames.size(); ++i) {
            const Frame &frame = m_frames[i];
            const SnapshotReader::Step &step = m_target[i];
            if (frame.isArray ? step.index != frame.index : (step.index >= 0 || step.key != frame.key))
                return false;
        }
        return true;
    }

    bool atValue(Token token, int length)
    {
        if (m_kind != SnapshotReader::Target::Value || !matches())
            return true;
        const char *end = *m_cursor;
        switch (token) {
        case Token::Literal:
            found = qsizetype(end - m_begin) - length;
            break;
        case Token::Bracket:
            found = qsizetype(end - m_begin) - 1;
            break;
        case Token::String:
            found = stringStart();
            break;
        case Token::Number: {
            const auto isNumberChar = [](char ch) {
                return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-';
            };
            const char *p = end - 1;
            if (p > m_begin && !isNumberChar(*p))
                --p;
            while (p > m_begin && isNumberChar(p[-1]))
                --p;
            found = qsizetype(p - m_begin);
            break;
        }
        }
        return false;
    }

    // The opening quote of the string that ends just before the cursor: the first quote
    // further back that an even number of backslashes precedes.
    qsizetype stringStart() const
    {
        const char *p = *m_cursor - 2;
        while (p >= m_begin) {
            if (*p == '"') {
                int backslashes = 0;
                for (const char *q = p - 1; q >= m_begin && *q == '\\'; --q)
                    ++backslashes;
                if (backslashes % 2 == 0)
                    return qsizetype(p - m_begin);
            }
            --p;
        }
        return 0;
    }

    bool scalar(Token token, int length)
    {
        if (!atValue(token, length))
            return false;
        advance();
        return true;
    }

    bool open(bool isArray)
    {
        if (!atValue(Token::Bracket, 1))
            return false;
        m_frames.push_back({isArray, std::string(), 0});
        return true;
    }

    bool close()
    {
        m_frames.pop_back();
        advance();
        return true;
    }

    void advance()
    {
        if (!m_frames.empty() && m_frames.back().isArray)
            ++m_frames.back().index;
    }

    const char *m_begin;
    const char *const *m_cursor;
    Path m_target;
    SnapshotReader::Target m_kind;
    std::vector<Frame> m_frames;
};

// nlohmann's DOM building, but each object's members are collected in a vector of movable
// pairs first and put into the object once, at its end: nlohmann's ordered_map keeps
// pair<const string, json>, which a growing vector cannot move, so growing it member by
// member deep-copies everything added so far (quadratic on a long history's snapshots).
class DomBuilder : public nlohmann::json_sax<Json>
{
public:
    explicit DomBuilder(Json *root) : m_root(root) {}

    std::size_t errorByte = 0;
    std::string errorMessage;

    bool null() override { return add(Json()); }
    bool boolean(bool value) override { return add(Json(value)); }
    bool number_integer(number_integer_t value) override { return add(Json(value)); }
    bool number_unsigned(number_unsigned_t value) override { return add(Json(value)); }
    bool number_float(number_float_t value, const string_t &) override { return add(Json(value)); }
    bool string(string_t &value) override { return add(Json(std::move(value))); }
    bool binary(binary_t &) override { return add(Json()); }
    bool start_object(std::size_t) override
    {
        m_frames.push_back(Frame{false, {}, {}, Json()});
        return true;
    }
    bool key(string_t &key) override
    {
        m_frames.back().key = std::move(key);
        return true;
    }
    bool end_object() override
    {
        Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        Json object = Json::object();
        object.get_ref<Json::object_t &>().reserve(frame.members.size());
        // operator[] keeps a repeated key's first place and last value, as JSON.parse does.
        for (auto &[key, value] : frame.members)
            object[key] = std::move(value);
        return add(std::move(object));
    }
    bool start_array(std::size_t) override
    {
        m_frames.push_back(Frame{true, {}, {}, Json::array()});
        return true;
    }
    bool end_array() override
    {
        Json array = std::move(m_frames.back().array);
        m_frames.pop_back();
        return add(std::move(array));
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error) override
    {
        errorByte = position;
        errorMessage = error.what();
        return false;
    }

private:
    struct Frame {
        bool isArray = false;
        std::string key;
        std::vector<std::pair<std::string, Json>> members;
        Json array;
    };

    bool add(Json value)
    {
        if (m_frames.empty())
            *m_root = std::move(value);
        else if (m_frames.back().isArray)
            m_frames.back().array.push_back(std::move(value));
        else
            m_frames.back().members.emplace_back(std::move(m_frames.back().key), std::move(value));
        return true;
    }

    Json *m_root;
    std::vector<Frame> m_frames;
};

bool isIdentifier(const std::string &key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    return identifier.match(qs(key)).hasMatch();
}

// "schema"."table" as drizzle writes a policy's "on": no quotes are doubled there.
bool splitQualified(const QString &text, QString *schema, QString *table)
{
    static const QRegularExpression qualified(QStringLiteral("^\"(.*)\"\\.\"(.*)\"$"));
    const QRegularExpressionMatch match = qualified.match(text);
    if (!match.hasMatch())
        return false;
    *schema = match.captured(1);
    *table = match.captured(2);
    return true;
}

const QStringList permissiveValues{QStringLiteral("PERMISSIVE"), QStringLiteral("RESTRICTIVE")};
const QStringList commandValues{QStringLiteral("ALL"), QStringLiteral("SELECT"), QStringLiteral("INSERT"),
                                QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
const QStringList actionValues{QStringLiteral("no action"), QStringLiteral("restrict"), QStringLiteral("cascade"),
                               QStringLiteral("set null"), QStringLiteral("set default")};

} // namespace

SnapshotReader::SnapshotReader(const QByteArray &json, const QString &fileName)
    : m_json(json)
{
    m_error.file = fileName;
}

std::optional<Snapshot> SnapshotReader::read(SnapshotError *error)
{
    const auto finish = [&](std::optional<Snapshot> result) {
        if (error)
            *error = result ? SnapshotError() : m_error;
        return result;
    };

    const qsizetype deep = tooDeepAt(m_json);
    if (deep >= 0) {
        syntaxError(deep, Tr::tr("nested more than %1 levels deep").arg(maxDepth));
        return finish(std::nullopt);
    }

    Json root;
    qsizetype errorOffset = -1;
    QString detail;
    if (!parse(m_json, &root, &errorOffset, &detail)) {
        syntaxError(errorOffset, detail);
        return finish(std::nullopt);
    }

    const Path rootPath;
    if (!expectObject(root, rootPath))
        return finish(std::nullopt);
    bool ok = true;
    const Json *versionValue = member(root, rootPath, "version", true, &ok);
    if (!ok)
        return finish(std::nullopt);
    if (!versionValue->is_string()) {
        fail(child(rootPath, "version"), wrongType(Tr::tr("a string"), *versionValue));
        return finish(std::nullopt);
    }
    const QString version = qs(versionValue->get<std::string>());

    Snapshot snapshot;
    snapshot.version = version;
    bool done = false;
    if (version == QLatin1String("5") || version == QLatin1String("6") || version == QLatin1String("7"))
        done = readV7(root, version.toInt(), &snapshot);
    else if (version == QLatin1String("8"))
        done = readV8(root, &snapshot);
    else
        fail(child(rootPath, "version"),
             Tr::tr("Unsupported snapshot version \"%1\": Strata reads versions 5, 6 and 7 "
                    "(drizzle-kit 0.x) and 8 (drizzle-kit 1.0).")
                 .arg(version));
    return finish(done ? std::optional<Snapshot>(std::move(snapshot)) : std::nullopt);
}

bool SnapshotReader::parse(const QByteArray &json, Json *root, qsizetype *errorOffset, QString *errorDetail)
{
    DomBuilder builder(root);
    bool parsed = false;
    try {
        parsed = Json::sax_parse(json.constData(), json.constData() + json.size(), &builder);
    } catch (const Json::exception &error) {
        builder.errorMessage = error.what();  // e.g. a number too large for a double
    }
    if (!parsed) {
        QString detail = QString::fromUtf8(builder.errorMessage);
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …"
        static const QRegularExpression prefix(QStringLiteral(
            "^\\[json\\.exception\\.[^\\]]*\\] (?:parse error(?: at line \\d+, column \\d+)?: )?"));
        detail.remove(prefix);
        if (errorDetail)
            *errorDetail = detail;
        if (errorOffset)
            *errorOffset = builder.errorByte > 0 ? qsizetype(builder.errorByte) - 1 : -1;
        return false;
    }
    return true;
}

QString SnapshotReader::pathText(const Path &path)
{
    QString text;
    for (const Step &step : path) {
        if (step.index >= 0) {
            text += QStringLiteral("[%1]").arg(step.index);
        } else if (isIdentifier(step.key)) {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += qs(step.key);
        } else {
            text += QLatin1Char('[') + qs(SnapshotWriter::compact(Json(step.key))) + QLatin1Char(']');
        }
    }
    return text;
}

qsizetype SnapshotReader::locate(const QByteArray &json, const Path &path, Target target)
{
    const char *begin = json.constData();
    const char *cursor = begin;
    Locator locator(begin, &cursor, path, target);
    try {
        Json::sax_parse(CountingIterator(begin, &cursor), CountingIterator(begin + json.size(), &cursor),
                        &locator);
    } catch (const Json::exception &) {
        // A syntax error past the place sought changes nothing; before it, nothing was found.
    }
    return locator.found;
}

qsizetype SnapshotReader::tooDeepAt(const QByteArray &json)
{
    return depthExceededAt(json, maxDepth);
}

void SnapshotReader::lineColumn(const QByteArray &json, qsizetype offset, int *line, int *column)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    int lines = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++lines;
            lineStart = i + 1;
        }
    }
    int characters = 0;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(json.at(i)) & 0xC0) != 0x80)  // not a continuation byte
            ++characters;
    }
    *line = lines;
    *column = characters + 1;
}

bool SnapshotReader::fail(const Path &path, const QString &message, Target target)
{
    m_error.jsonPath = pathText(path);
    m_error.message = message;
    // A key that is not there is shown at the nearest thing that is.
    Path where = path;
    qsizetype offset = locate(m_json, where, target);
    while (offset < 0 && !where.empty()) {
        where.pop_back();
        offset = locate(m_json, where, Target::Value);
    }
    if (offset >= 0)
        lineColumn(m_json, offset, &m_error.line, &m_error.column);
    return false;
}

bool SnapshotReader::failAt(const Path &path, const Path &where, const QString &message)
{
    fail(where, message);
    m_error.jsonPath = pathText(path);
    return false;
}

bool SnapshotReader::syntaxError(qsizetype offset, const QString &detail)
{
    m_error.jsonPath.clear();
    m_error.message = Tr::tr("Not valid JSON: %1.").arg(detail);
    if (offset >= 0)
        lineColumn(m_json, offset, &m_error.line, &m_error.column);
    return false;
}

bool SnapshotReader::expectObject(const Json &value, const Path &path)
{
    if (value.is_object())
        return true;
    return fail(path, wrongType(Tr::tr("an object"), value));
}

bool SnapshotReader::allowKeys(const Json &object, const Path &path, std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *key : allowed)
            known = known || it.key() == key;
        if (!known)
            return fail(child(path, it.key()),
                        Tr::tr("Unknown key \"%1\" (drizzle-kit rejects it too).").arg(qs(it.key())),
                        Target::Key);
    }
    return true;
}

const SnapshotReader::Json *SnapshotReader::member(const Json &object, const Path &path, const char *key,
                                                   bool required, bool *ok)
{
    const auto it = object.find(key);
    if (it != object.end())
        return &*it;
    if (required) {
        failAt(child(path, key), path, Tr::tr("The required key \"%1\" is missing.").arg(QLatin1String(key)));
        *ok = false;
    }
    return nullptr;
}

bool SnapshotReader::string(const Json &object, const Path &path, const char *key, QString *out,
                            bool required, bool *present)
{
    bool ok = true;
    const Json *value = member(object, path, key, required, &ok);
    if (present)
        *present = value != nullptr;
    if (!value)
        return ok;
    if (!value->is_string())
        return fail(child(path, key), wrongType(Tr::tr("a string"), *value));
    *out = qs(value->get<std::string>());
    return true;
}

bool SnapshotReader::nullableString(const Json &object, const Path &path, const char *key, QString *out,
                                    bool *present)
{
    const auto it = object.find(key);
    const bool there = it != object.end() && !it->is_null();
    if (present)
        *present = there;
    if (!there)
        return true;
    if (!it->is_string())
        return fail(child(path, key), wrongType(Tr::tr("a string or null"), *it));
    *out = qs(it->get<std::string>());
    return true;
}

bool SnapshotReader::boolean(const Json &object, const Path &path, const char *key, bool *out,
                             bool required, bool *present)
{
    bool ok = true;
    const Json *value = member(object, path, key, required, &ok);
    if (present)
        *present = value != nullptr;
    if (!value)
        return ok;
    if (!value->is_boolean())
        return fail(child(path, key), wrongType(Tr::tr("a boolean"), *value));
    *out = value->get<bool>();
    return true;
}

bool SnapshotReader::object(const Json &object, const Path &path, const char *key, const Json **out,
                            bool required)
{
    bool ok = true;
    const Json *value = member(object, path, key, required, &ok);
    *out = nullptr;
    if (!value)
        return ok;
    if (!value->is_object())
        return fail(child(path, key), wrongType(Tr::tr("an object"), *value));
    *out = value;
    return true;
}

bool SnapshotReader::stringList(const Json &object, const Path &path, const char *key, QStringList *out,
                                bool required, bool *present)
{
    bool ok = true;
    const Json *value = member(object, path, key, required, &ok);
    if (present)
        *present = value != nullptr;
    if (!value)
        return ok;
    const Path here = child(path, key);
    if (!value->is_array())
        return fail(here, wrongType(Tr::tr("an array of strings"), *value));
    out->clear();
    int index = 0;
    for (const Json &item : *value) {
        if (!item.is_string())
            return fail(child(here, index), wrongType(Tr::tr("a string"), item));
        out->append(qs(item.get<std::string>()));
        ++index;
    }
    return true;
}

bool SnapshotReader::integer(const Json &object, const Path &path, const char *key,
                             std::optional<qint64> *out, bool allowNumber)
{
    const auto it = object.find(key);
    if (it == object.end() || (allowNumber && it->is_null()))
        return true;
    if (allowNumber && it->is_number_integer()) {
        *out = it->get<qint64>();
        return true;
    }
    if (!it->is_string())
        return fail(child(path, key), wrongType(Tr::tr("a whole number as a string"), *it));
    const QString text = qs(it->get<std::string>());
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    // Only the canonical form: anything else would not be written back the same.
    if (!ok || QString::number(value) != text)
        return fail(child(path, key), Tr::tr("Expected a whole number as a string, found \"%1\".").arg(text));
    *out = value;
    return true;
}

bool SnapshotReader::choice(const Json &object, const Path &path, const char *key, const QStringList &allowed,
                            QString *out, bool required, Qt::CaseSensitivity cs)
{
    bool present = false;
    QString text;
    if (!string(object, path, key, &text, required, &present))
        return false;
    if (!present)
        return true;
    for (const QString &value : allowed) {
        if (value.compare(text, cs) == 0) {
            *out = value;
            return true;
        }
    }
    return fail(child(path, key), Tr::tr("Unknown value \"%1\"; expected one of: %2.")
                                      .arg(text, allowed.join(QLatin1String(", "))));
}

// ---- versions 5, 6, 7 -------------------------------------------------------------------

bool SnapshotReader::readV7(const Json &root, int version, Snapshot *snapshot)
{
    const Path rootPath;
    if (version == 7) {
        if (!allowKeys(root, rootPath, {"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                        "sequences", "roles", "policies", "views", "_meta", "internal"}))
            return false;
    } else if (!allowKeys(root, rootPath, {"id", "prevId", "version", "dialect", "tables", "enums", "schemas",
                                           "_meta", "internal"})) {
        return false;
    }
    const QString expectedDialect = version == 5 ? QStringLiteral("pg") : QStringLiteral("postgresql");
    if (!string(root, rootPath, "dialect", &snapshot->dialect))
        return false;
    if (snapshot->dialect != expectedDialect)
        return fail(child(rootPath, "dialect"),
                    Tr::tr("Dialect \"%1\": a PostgreSQL snapshot of version %2 says \"%3\"; "
                           "Strata reads PostgreSQL snapshots only.")
                        .arg(snapshot->dialect)
                        .arg(version)
                        .arg(expectedDialect));
    QString prevId;
    if (!string(root, rootPath, "id", &snapshot->id) || !string(root, rootPath, "prevId", &prevId))
        return false;
    snapshot->prevIds = {prevId};

    // --custom writes zod's order: views before sequences.
    static const std::vector<std::string> validated{"id", "prevId", "version", "dialect", "tables", "enums",
                                                   "schemas", "views", "sequences", "roles", "policies", "_meta"};
    std::vector<std::string> keys;
    for (auto it = root.begin(); it != root.end(); ++it)
        keys.push_back(it.key());
    snapshot->keyOrder = keys == validated ? Snapshot::KeyOrder::Validated : Snapshot::KeyOrder::Generated;

    Schema &schema = snapshot->schema;
    const Json *tables = nullptr;
    const Json *enums = nullptr;
    const Json *schemas = nullptr;
    if (!object(root, rootPath, "tables", &tables) || !object(root, rootPath, "enums", &enums)
        || !object(root, rootPath, "schemas", &schemas))
        return false;

    const Path tablesPath = child(rootPath, "tables");
    for (auto it = tables->begin(); it != tables->end(); ++it) {
        Table table;
        if (!readTable(it.value(), child(tablesPath, it.key()), version, &table))
            return false;
        schema.tables.append(std::move(table));
    }

    const Path enumsPath = child(rootPath, "enums");
    for (auto it = enums->begin(); it != enums->end(); ++it) {
        const Path path = child(enumsPath, it.key());
        const Json &value = it.value();
        if (!expectObject(value, path))
            return false;
        Enum item;
        if (version == 5) {
            // {name, values: {"A": "A", …}}, always in public.
            const Json *values = nullptr;
            if (!allowKeys(value, path, {"name", "values"}) || !string(value, path, "name", &item.name)
                || !object(value, path, "values", &values))
                return false;
            item.schema = QStringLiteral("public");
            for (auto valueIt = values->begin(); valueIt != values->end(); ++valueIt) {
                if (!valueIt->is_string())
                    return fail(child(child(path, "values"), valueIt.key()), wrongType(Tr::tr("a string"), *valueIt));
                item.values.append(qs(valueIt->get<std::string>()));
            }
        } else if (!allowKeys(value, path, {"name", "schema", "values"}) || !string(value, path, "name", &item.name)
                   || !string(value, path, "schema", &item.schema) || !stringList(value, path, "values", &item.values)) {
            return false;
        }
        schema.enums.append(std::move(item));
    }

    const Path schemasPath = child(rootPath, "schemas");
    for (auto it = schemas->begin(); it != schemas->end(); ++it) {
        if (!it->is_string())
            return fail(child(schemasPath, it.key()), wrongType(Tr::tr("a string"), *it));
        schema.schemas.append(qs(it->get<std::string>()));
    }

    const Json *meta = nullptr;
    const Json *internal = nullptr;
    if (!object(root, rootPath, "_meta", &meta, false) || !object(root, rootPath, "internal", &internal, false))
        return false;
    if (version < 7)
        return true;

    const Json *sequences = nullptr;
    const Json *roles = nullptr;
    const Json *policies = nullptr;
    const Json *views = nullptr;
    if (!object(root, rootPath, "sequences", &sequences, false) || !object(root, rootPath, "roles", &roles, false)
        || !object(root, rootPath, "policies", &policies, false) || !object(root, rootPath, "views", &views, false))
        return false;
    if (sequences) {
        const Path path = child(rootPath, "sequences");
        for (auto it = sequences->begin(); it != sequences->end(); ++it) {
            Sequence sequence;
            if (!readSequence(it.value(), child(path, it.key()), &sequence))
                return false;
            schema.sequences.append(std::move(sequence));
        }
    }
    if (roles) {
        const Path rolesPath = child(rootPath, "roles");
        for (auto it = roles->begin(); it != roles->end(); ++it) {
            const Path path = child(rolesPath, it.key());
            Role role;
            if (!expectObject(it.value(), path) || !allowKeys(it.value(), path, {"name", "createDb", "createRole", "inherit"})
                || !string(it.value(), path, "name", &role.name)
                || !boolean(it.value(), path, "createDb", &role.createDb, false)
                || !boolean(it.value(), path, "createRole", &role.createRole, false)
                || !boolean(it.value(), path, "inherit", &role.inherit, false))
                return false;
            schema.roles.append(std::move(role));
        }
    }
    if (policies) {
        const Path policiesPath = child(rootPath, "policies");
        for (auto it = policies->begin(); it != policies->end(); ++it) {
            const Path path = child(policiesPath, it.key());
            LinkedPolicy linked;
            if (!readPolicy(it.value(), path, &linked.policy))
                return false;
            QString on;
            bool hasOn = false;
            if (!string(it.value(), path, "schema", &linked.tableSchema, false)
                || !string(it.value(), path, "on", &on, true, &hasOn))
                return false;
            if (!splitQualified(on, &linked.tableSchema, &linked.table))
                return fail(child(path, "on"),
                            Tr::tr("Expected a quoted table name like \"public\".\"users\", found %1.").arg(on));
            schema.linkedPolicies.append(std::move(linked));
        }
    }
    if (views) {
        const Path viewsPath = child(rootPath, "views");
        for (auto it = views->begin(); it != views->end(); ++it) {
            View view;
            if (!readView(it.value(), child(viewsPath, it.key()), &view))
                return false;
            schema.views.append(std::move(view));
        }
    }
    return true;
}

bool SnapshotReader::readTable(const Json &value, const Path &path, int version, Table *table)
{
    if (!expectObject(value, path))
        return false;
    if (version == 7) {
        if (!allowKeys(value, path, {"name", "schema", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
                                     "uniqueConstraints", "policies", "checkConstraints", "isRLSEnabled"}))
            return false;
    } else if (!allowKeys(value, path, {"name", "schema", "columns", "indexes", "foreignKeys", "compositePrimaryKeys",
                                        "uniqueConstraints"})) {
        return false;
    }
    QString schema;
    const Json *columns = nullptr;
    const Json *indexes = nullptr;
    const Json *foreignKeys = nullptr;
    const Json *primaryKeys = nullptr;
    const Json *uniques = nullptr;
    const Json *policies = nullptr;
    const Json *checks = nullptr;
    if (!string(value, path, "name", &table->name) || !string(value, path, "schema", &schema)
        || !object(value, path, "columns", &columns) || !object(value, path, "indexes", &indexes)
        || !object(value, path, "foreignKeys", &foreignKeys)
        || !object(value, path, "compositePrimaryKeys", &primaryKeys)
        || !object(value, path, "uniqueConstraints", &uniques, false)
        || !object(value, path, "policies", &policies, false)
        || !object(value, path, "checkConstraints", &checks, false)
        || !boolean(value, path, "isRLSEnabled", &table->rlsEnabled, false))
        return false;
    table->schema = schema.isEmpty() ? QStringLiteral("public") : schema;

    QStringList flagged;  // columns with "primaryKey": true
    QList<UniqueConstraint> columnUniques;
    const Path columnsPath = child(path, "columns");
    for (auto it = columns->begin(); it != columns->end(); ++it) {
        ColumnRead read;
        if (!readColumn(it.value(), child(columnsPath, it.key()), table->schema, table->name, &read))
            return false;
        if (read.primaryKey)
            flagged.append(read.column.name);
        if (read.unique)
            columnUniques.append(*read.unique);
        table->columns.append(std::move(read.column));
    }

    const Path primaryKeysPath = child(path, "compositePrimaryKeys");
    for (auto it = primaryKeys->begin(); it != primaryKeys->end(); ++it) {
        const Path keyPath = child(primaryKeysPath, it.key());
        PrimaryKey key;
        if (!expectObject(it.value(), keyPath) || !allowKeys(it.value(), keyPath, {"name", "columns"})
            || !string(it.value(), keyPath, "name", &key.name) || !stringList(it.value(), keyPath, "columns", &key.columns))
            return false;
        if (table->primaryKey)
            return fail(keyPath, Tr::tr("A second primary key: a table has at most one."));
        table->primaryKey = key;
    }
    // A composite key wins over column flags (drizzle keeps a flag that the database never
    // got when a key is added later); several flags make no valid key at all. Either way
    // the flags stay in the spelling, so that the file is written back as it was.
    if (!table->primaryKey && flagged.size() == 1) {
        table->primaryKey = PrimaryKey{SnapshotTypes::primaryKeyName(table->name), flagged};
    } else {
        for (Column &column : table->columns)
            column.snapshotSpelling.primaryKey = flagged.contains(column.name);
    }
    if (table->primaryKey && !table->hasColumnKey()) {
        for (Column &column : table->columns) {
            if (!table->primaryKey->columns.contains(column.name))
                continue;
            column.snapshotSpelling.notNullInKey = column.notNull;
            column.notNull = true;  // PostgreSQL makes key columns NOT NULL
        }
    }

    const Path indexesPath = child(path, "indexes");
    for (auto it = indexes->begin(); it != indexes->end(); ++it) {
        Index index;
        if (!readIndex(it.value(), child(indexesPath, it.key()), version, *table, &index))
            return false;
        table->indexes.append(std::move(index));
    }

    const Path foreignKeysPath = child(path, "foreignKeys");
    for (auto it = foreignKeys->begin(); it != foreignKeys->end(); ++it) {
        ForeignKey key;
        if (!readForeignKey(it.value(), child(foreignKeysPath, it.key()), &key))
            return false;
        table->foreignKeys.append(std::move(key));
    }

    table->uniqueConstraints = columnUniques;
    if (uniques) {
        const Path uniquesPath = child(path, "uniqueConstraints");
        for (auto it = uniques->begin(); it != uniques->end(); ++it) {
            const Path uniquePath = child(uniquesPath, it.key());
            UniqueConstraint unique;
            if (!expectObject(it.value(), uniquePath)
                || !allowKeys(it.value(), uniquePath, {"name", "columns", "nullsNotDistinct"})
                || !string(it.value(), uniquePath, "name", &unique.name)
                || !stringList(it.value(), uniquePath, "columns", &unique.columns)
                || !boolean(it.value(), uniquePath, "nullsNotDistinct", &unique.nullsNotDistinct))
                return false;
            const auto same = [&unique](const UniqueConstraint &other) { return other.name == unique.name; };
            if (std::none_of(table->uniqueConstraints.cbegin(), table->uniqueConstraints.cend(), same))
                table->uniqueConstraints.append(std::move(unique));
        }
    }

    if (policies) {
        const Path policiesPath = child(path, "policies");
        for (auto it = policies->begin(); it != policies->end(); ++it) {
            Policy policy;
            if (!readPolicy(it.value(), child(policiesPath, it.key()), &policy))
                return false;
            table->policies.append(std::move(policy));
        }
    }
    if (!table->policies.isEmpty()) {
        table->snapshotSpelling.rlsWithPolicies = table->rlsEnabled;
        table->rlsEnabled = true;  // drizzle enables row-level security with a table's first policy
    }

    if (checks) {
        const Path checksPath = child(path, "checkConstraints");
        for (auto it = checks->begin(); it != checks->end(); ++it) {
            const Path checkPath = child(checksPath, it.key());
            CheckConstraint check;
            if (!expectObject(it.value(), checkPath) || !allowKeys(it.value(), checkPath, {"name", "value"})
                || !string(it.value(), checkPath, "name", &check.name)
                || !string(it.value(), checkPath, "value", &check.expression))
                return false;
            table->checks.append(std::move(check));
        }
    }
    return true;
}

bool SnapshotReader::readColumn(const Json &value, const Path &path, const QString &tableSchema,
                                const QString &table, ColumnRead *read)
{
    Column &column = read->column;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "type", "typeSchema", "primaryKey", "notNull", "default", "isUnique",
                                    "uniqueName", "nullsNotDistinct", "generated", "identity"}))
        return false;
    QString type;
    bool userDefined = false;
    if (!string(value, path, "name", &column.name) || !string(value, path, "type", &type)
        || !string(value, path, "typeSchema", &column.typeSchema, false, &userDefined)
        || !boolean(value, path, "primaryKey", &read->primaryKey) || !boolean(value, path, "notNull", &column.notNull))
        return false;

    const SnapshotTypes::ModelType mapped = SnapshotTypes::toModel(type, userDefined);
    column.type = mapped.type;
    column.arrayDimensions = mapped.arrayDimensions;

    const auto defaultIt = value.find("default");
    if (defaultIt != value.end()) {
        column.defaultExpression = SnapshotWriter::defaultSql(*defaultIt);
    } else if (!mapped.serialOf.isEmpty() && mapped.arrayDimensions == 0) {
        column.defaultExpression = SnapshotTypes::serialDefault(tableSchema, table, column.name);
    }

    const Json *generated = nullptr;
    if (!object(value, path, "generated", &generated, false))
        return false;
    if (generated) {
        const Path generatedPath = child(path, "generated");
        QString kind;
        QString expression;
        if (!allowKeys(*generated, generatedPath, {"type", "as"})
            || !choice(*generated, generatedPath, "type", {QStringLiteral("stored")}, &kind, true)
            || !string(*generated, generatedPath, "as", &expression))
            return false;
        column.generatedExpression = expression;
    }

    const Json *identity = nullptr;
    if (!object(value, path, "identity", &identity, false))
        return false;
    if (identity) {
        Identity item;
        if (!readIdentity(*identity, child(path, "identity"), &item))
            return false;
        column.identity = item;
    }

    // The old column-level unique ("isUnique" is any truthy value to zod).
    const auto uniqueIt = value.find("isUnique");
    if (uniqueIt != value.end() && !uniqueIt->is_null() && *uniqueIt != false && *uniqueIt != 0 && *uniqueIt != "") {
        UniqueConstraint unique;
        unique.columns = {column.name};
        bool named = false;
        if (!string(value, path, "uniqueName", &unique.name, false, &named)
            || !boolean(value, path, "nullsNotDistinct", &unique.nullsNotDistinct, false))
            return false;
        if (!named)
            unique.name = QStringLiteral("%1_%2_unique").arg(table, column.name);
        read->unique = unique;
    } else {
        QString ignoredName;
        bool ignoredFlag = false;
        if (!string(value, path, "uniqueName", &ignoredName, false)
            || !boolean(value, path, "nullsNotDistinct", &ignoredFlag, false))
            return false;
    }

    // Keep drizzle's spelling where write() would otherwise spell it differently.
    bool defaultImplicit = false;
    if (SnapshotWriter::drizzleType(column, tableSchema, table, &defaultImplicit) != type)
        column.snapshotSpelling.type = type;
    if (defaultIt != value.end()) {
        const std::string spelled = SnapshotWriter::compact(*defaultIt);
        bool implicitNow = false;
        SnapshotWriter::drizzleType(column, tableSchema, table, &implicitNow);
        if (implicitNow || SnapshotWriter::compact(SnapshotWriter::defaultJson(column)) != spelled)
            column.snapshotSpelling.defaultJson = QByteArray::fromStdString(spelled);
    }
    return true;
}

bool SnapshotReader::readIdentity(const Json &value, const Path &path, Identity *identity)
{
    QString kind;
    if (!allowKeys(value, path, {"name", "increment", "minValue", "maxValue", "startWith", "cache", "cycle",
                                 "schema", "type"})
        || !choice(value, path, "type", {QStringLiteral("always"), QStringLiteral("byDefault")}, &kind, true)
        || !string(value, path, "name", &identity->sequenceName)
        || !string(value, path, "schema", &identity->sequenceSchema)
        || !integer(value, path, "increment", &identity->increment)
        || !integer(value, path, "minValue", &identity->minValue)
        || !integer(value, path, "maxValue", &identity->maxValue)
        || !integer(value, path, "startWith", &identity->start)
        || !integer(value, path, "cache", &identity->cache)
        || !boolean(value, path, "cycle", &identity->cycle, false))
        return false;
    identity->kind = kind == QLatin1String("always") ? Identity::Kind::Always : Identity::Kind::ByDefault;
    return true;
}

bool SnapshotReader::readIndex(const Json &value, const Path &path, int version, const Table &table, Index *index)
{
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "columns", "isUnique", "with", "method", "where", "concurrently"})
        || !string(value, path, "name", &index->name) || !boolean(value, path, "isUnique", &index->unique)
        || !string(value, path, "method", &index->method, false) || !string(value, path, "where", &index->where, false)
        || !boolean(value, path, "concurrently", &index->concurrently, false))
        return false;

    const Json *with = nullptr;
    if (!object(value, path, "with", &with, false))
        return false;
    if (with) {
        for (auto it = with->begin(); it != with->end(); ++it) {
            if (version < 7 && !it->is_string())
                return fail(child(child(path, "with"), it.key()), wrongType(Tr::tr("a string"), *it));
            index->with.append({qs(it.key()), optionText(*it)});
        }
    }

    bool ok = true;
    const Json *columns = member(value, path, "columns", true, &ok);
    if (!columns)
        return false;
    const Path columnsPath = child(path, "columns");
    if (!columns->is_array())
        return fail(columnsPath, wrongType(Tr::tr("an array"), *columns));
    int position = 0;
    for (const Json &item : *columns) {
        const Path keyPath = child(columnsPath, position++);
        IndexKey key;
        if (version < 7) {
            // Plain strings: a column name, or the SQL of an expression.
            if (!item.is_string())
                return fail(keyPath, wrongType(Tr::tr("a string"), item));
            key.expression = qs(item.get<std::string>());
            key.isExpression = table.column(key.expression) == nullptr;
            index->keys.append(std::move(key));
            continue;
        }
        // zod's indexColumn is not strict: other keys are dropped, not rejected.
        bool asc = true;
        QString nulls;
        if (!expectObject(item, keyPath) || !string(item, keyPath, "expression", &key.expression)
            || !boolean(item, keyPath, "isExpression", &key.isExpression) || !boolean(item, keyPath, "asc", &asc)
            || !choice(item, keyPath, "nulls", {QStringLiteral("first"), QStringLiteral("last")}, &nulls, false)
            || !string(item, keyPath, "opclass", &key.opclass, false))
            return false;
        key.descending = !asc;
        // NULLS LAST is the default for ascending keys, NULLS FIRST for descending ones.
        if (nulls == QLatin1String("first"))
            key.nulls = asc ? IndexKey::Nulls::First : IndexKey::Nulls::Default;
        else if (nulls == QLatin1String("last"))
            key.nulls = asc ? IndexKey::Nulls::Default : IndexKey::Nulls::Last;
        index->keys.append(std::move(key));
    }
    return true;
}

bool SnapshotReader::readForeignKey(const Json &value, const Path &path, ForeignKey *key)
{
    QString tableFrom;
    QString onUpdate;
    QString onDelete;
    bool hasSchema = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "tableFrom", "columnsFrom", "tableTo", "schemaTo", "columnsTo",
                                    "onUpdate", "onDelete"})
        || !string(value, path, "name", &key->name) || !string(value, path, "tableFrom", &tableFrom)
        || !stringList(value, path, "columnsFrom", &key->columns) || !string(value, path, "tableTo", &key->targetTable)
        || !string(value, path, "schemaTo", &key->targetSchema, false, &hasSchema)
        || !stringList(value, path, "columnsTo", &key->targetColumns)
        || !choice(value, path, "onUpdate", actionValues, &onUpdate, false, Qt::CaseInsensitive)
        || !choice(value, path, "onDelete", actionValues, &onDelete, false, Qt::CaseInsensitive))
        return false;
    // drizzle leaves schemaTo out for tables in public (pgTable without a schema).
    if (!hasSchema || key->targetSchema.isEmpty())
        key->targetSchema = QStringLiteral("public");
    key->onUpdate = actionFromText(onUpdate).value_or(ForeignKeyAction::NoAction);
    key->onDelete = actionFromText(onDelete).value_or(ForeignKeyAction::NoAction);
    return true;
}

bool SnapshotReader::readPolicy(const Json &value, const Path &path, Policy *policy)
{
    QString as;
    QString ignored;
    bool hasRoles = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "as", "for", "to", "using", "withCheck", "on", "schema"})
        || !string(value, path, "name", &policy->name) || !choice(value, path, "as", permissiveValues, &as, false)
        || !choice(value, path, "for", commandValues, &policy->command, false)
        || !stringList(value, path, "to", &policy->roles, false, &hasRoles)
        || !string(value, path, "using", &policy->usingExpression, false)
        || !string(value, path, "withCheck", &policy->withCheckExpression, false)
        || !string(value, path, "on", &ignored, false) || !string(value, path, "schema", &ignored, false))
        return false;
    policy->permissive = as != QLatin1String("RESTRICTIVE");
    if (policy->roles == QStringList{QStringLiteral("public")})
        policy->roles.clear();  // the model's PUBLIC
    return true;
}

bool SnapshotReader::readSequence(const Json &value, const Path &path, Sequence *sequence)
{
    std::optional<qint64> increment;
    std::optional<qint64> minValue;
    std::optional<qint64> maxValue;
    std::optional<qint64> start;
    std::optional<qint64> cache;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "increment", "minValue", "maxValue", "startWith", "cache", "cycle", "schema"})
        || !string(value, path, "name", &sequence->name) || !string(value, path, "schema", &sequence->schema)
        || !integer(value, path, "increment", &increment) || !integer(value, path, "minValue", &minValue)
        || !integer(value, path, "maxValue", &maxValue) || !integer(value, path, "startWith", &start)
        || !integer(value, path, "cache", &cache) || !boolean(value, path, "cycle", &sequence->cycle, false))
        return false;
    // What drizzle-kit (and PostgreSQL) take for options left out.
    sequence->increment = increment.value_or(1);
    const bool down = sequence->increment < 0;
    sequence->minValue = minValue.value_or(down ? std::numeric_limits<qint64>::min() : 1);
    sequence->maxValue = maxValue.value_or(down ? -1 : std::numeric_limits<qint64>::max());
    sequence->start = start.value_or(down ? sequence->maxValue : sequence->minValue);
    sequence->cache = cache.value_or(1);
    return true;
}

bool SnapshotReader::readView(const Json &value, const Path &path, View *view)
{
    bool existing = false;
    if (!expectObject(value, path)
        || !allowKeys(value, path, {"name", "schema", "columns", "definition", "materialized", "with", "isExisting",
                                    "withNoData", "using", "tablespace"})
        || !string(value, path, "name", &view->name) || !string(value, path, "schema", &view->schema)
        || !string(value, path, "definition", &view->definition, false)
        || !boolean(value, path, "materialized", &view->materialized)
        || !boolean(value, path, "isExisting", &existing)
        || !boolean(value, path, "withNoData", &view->withNoData, false)
        || !string(value, path, "using", &view->usingMethod, false)
        || !string(value, path, "tablespace", &view->tablespace, false))
        return false;
    if (!existing && view->definition.isEmpty())
        return fail(child(path, "definition"),
                    Tr::tr("A view that is not .existing() needs its definition."));
    const Json *columns = nullptr;
    const Json *with = nullptr;
    if (!object(value, path, "columns", &columns) || !object(value, path, "with", &with, false))
        return false;
    const Path columnsPath = child(path, "columns");
    for (auto it = columns->begin(); it != columns->end(); ++it) {
        ColumnRead read;
        if (!readColumn(it.value(), child(columnsPath, it.key()), view->schema, view->name, &read))
            return false;
        read.column.snapshotSpelling.primaryKey = read.primaryKey;  // copied from the table; no meaning here
        view->columns.append(std::move(read.column));
    }
    return !with || readViewOptions(*with, child(path, "with"), &view->with);
}

bool SnapshotReader::readViewOptions(const Json &value, const Path &path, QList<QPair<QString, QString>> *with)
{
    static const QSet<QString> strings{QStringLiteral("checkOption"), QStringLiteral("vacuumIndexCleanup")};
    static const QSet<QString> booleans{QStringLiteral("securityBarrier"), QStringLiteral("securityInvoker"),
                                        QStringLiteral("autovacuumEnabled"), QStringLiteral("vacuumTruncate"),
                                        QStringLiteral("userCatalogTable")};
    static const QSet<QString> numbers{
        QStringLiteral("fillfactor"), QStringLiteral("toastTupleTarget"), QStringLiteral("parallelWorkers"),
        QStringLiteral("autovacuumVacuumThreshold"), QStringLiteral("autovacuumVacuumScaleFactor"),
        QStringLiteral("autovacuumVacuumCostDelay"), QStringLiteral("autovacuumVacuumCostLimit"),
        QStringLiteral("autovacuumFreezeMinAge"), QStringLiteral("autovacuumFreezeMaxAge"),
        QStringLiteral("autovacuumFreezeTableAge"), QStringLiteral("autovacuumMultixactFreezeMinAge"),
        QStringLiteral("autovacuumMultixactFreezeMaxAge"), QStringLiteral("autovacuumMultixactFreezeTableAge"),
        QStringLiteral("logAutovacuumMinDuration")};
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString key = qs(it.key());
        const Path optionPath = child(path, it.key());
        if (it->is_null())
            continue;  // version 8 lists every option, unset ones as null
        if (strings.contains(key)) {
            if (!it->is_string())
                return fail(optionPath, wrongType(Tr::tr("a string"), *it));
        } else if (booleans.contains(key)) {
            if (!it->is_boolean())
                return fail(optionPath, wrongType(Tr::tr("a boolean"), *it));
        } else if (numbers.contains(key)) {
            if (!it->is_number())
                return fail(optionPath, wrongType(Tr::tr("a number"), *it));
        } else {
            return fail(optionPath, Tr::tr("Unknown key \"%1\" (drizzle-kit rejects it too).").arg(key), Target::Key);
        }
        with->append({SnapshotWriter::reloptionName(key), optionText(*it)});
    }
    return true;
}

// ---- version 8 --------------------------------------------------------------------------

bool SnapshotReader::readV8(const Json &root, Snapshot *snapshot)
{
    const Path rootPath;
    if (!string(root, rootPath, "dialect", &snapshot->dialect) || !string(root, rootPath, "id", &snapshot->id)
        || !stringList(root, rootPath, "prevIds", &snapshot->prevIds))
        return false;
    if (snapshot->dialect != QLatin1String("postgres") && snapshot->dialect != QLatin1String("postgresql"))
        return fail(child(rootPath, "dialect"),
                    Tr::tr("Dialect \"%1\": Strata reads PostgreSQL snapshots only.").arg(snapshot->dialect));
    bool ok = true;
    const Json *ddl = member(root, rootPath, "ddl", true, &ok);
    if (!ddl)
        return false;
    const Path ddlPath = child(rootPath, "ddl");
    if (!ddl->is_array())
        return fail(ddlPath, wrongType(Tr::tr("an array"), *ddl));

    Schema &schema = snapshot->schema;
    // Entities name their table; the first pass makes the tables and views they name.
    QHash<QString, qsizetype> tableIndex;
    const auto tableKey = [](const QString &schemaName, const QString &name) {
        return schemaName + QLatin1Char('\x1f') + name;
    };
    const auto entityType = [&](const Json &entity, const Path &path, QString *type) {
        return expectObject(entity, path) && string(entity, path, "entityType", type);
    };

    int position = 0;
    for (const Json &entity : *ddl) {
        const Path path = child(ddlPath, position++);
        QString type;
        if (!entityType(entity, path, &type))
            return false;
        if (type == QLatin1String("schemas")) {
            QString name;
            if (!string(entity, path, "name", &name))
                return false;
            if (name != QLatin1String("public"))
                schema.schemas.append(name);
        } else if (type == QLatin1String("tables")) {
            Table table;
            if (!string(entity, path, "name", &table.name) || !string(entity, path, "schema", &table.schema)
                || !boolean(entity, path, "isRlsEnabled", &table.rlsEnabled, false))
                return false;
            tableIndex.insert(tableKey(table.schema, table.name), schema.tables.size());
            schema.tables.append(std::move(table));
        } else if (type == QLatin1String("enums")) {
            Enum item;
            if (!string(entity, path, "name", &item.name) || !string(entity, path, "schema", &item.schema)
                || !stringList(entity, path, "values", &item.values))
                return false;
            schema.enums.append(std::move(item));
        } else if (type == QLatin1String("sequences")) {
            Sequence sequence;
            std::optional<qint64> increment;
            std::optional<qint64> minValue;
            std::optional<qint64> maxValue;
            std::optional<qint64> start;
            std::optional<qint64> cache;
            bool cycle = false;
            if (!string(entity, path, "name", &sequence.name) || !string(entity, path, "schema", &sequence.schema)
                || !integer(entity, path, "incrementBy", &increment, true)
                || !integer(entity, path, "minValue", &minValue, true)
                || !integer(entity, path, "maxValue", &maxValue, true)
                || !integer(entity, path, "startWith", &start, true)
                || !integer(entity, path, "cacheSize", &cache, true))
                return false;
            const auto cycleIt = entity.find("cycle");
            if (cycleIt != entity.end() && !cycleIt->is_null() && !boolean(entity, path, "cycle", &cycle))
                return false;
            sequence.increment = increment.value_or(1);
            const bool down = sequence.increment < 0;
            sequence.minValue = minValue.value_or(down ? std::numeric_limits<qint64>::min() : 1);
            sequence.maxValue = maxValue.value_or(down ? -1 : std::numeric_limits<qint64>::max());
            sequence.start = start.value_or(down ? sequence.maxValue : sequence.minValue);
            sequence.cache = cache.value_or(1);
            sequence.cycle = cycle;
            schema.sequences.append(std::move(sequence));
        } else if (type == QLatin1String("roles")) {
            Role role;
            if (!string(entity, path, "name", &role.name))
                return false;
            for (const auto &[key, target] : {std::pair{"createDb", &role.createDb}, std::pair{"createRole", &role.createRole},
                                              std::pair{"inherit", &role.inherit}}) {
                const auto it = entity.find(key);
                if (it != entity.end() && !it->is_null() && !boolean(entity, path, key, target))
                    return false;
            }
            schema.roles.append(std::move(role));
        } else if (type == QLatin1String("views")) {
            View view;
            bool materialized = false;
            bool withNoData = false;
            const Json *with = nullptr;
            if (!string(entity, path, "name", &view.name) || !string(entity, path, "schema", &view.schema)
                || !nullableString(entity, path, "definition", &view.definition)
                || !boolean(entity, path, "materialized", &materialized)
                || !nullableString(entity, path, "using", &view.usingMethod)
                || !nullableString(entity, path, "tablespace", &view.tablespace))
                return false;
            const auto noDataIt = entity.find("withNoData");
            if (noDataIt != entity.end() && !noDataIt->is_null() && !boolean(entity, path, "withNoData", &withNoData))
                return false;
            const auto withIt = entity.find("with");
            if (withIt != entity.end() && !withIt->is_null()) {
                if (!object(entity, path, "with", &with) || !readViewOptions(*with, child(path, "with"), &view.with))
                    return false;
            }
            view.materialized = materialized;
            view.withNoData = withNoData;
            schema.views.append(std::move(view));
        } else if (type != QLatin1String("columns") && type != QLatin1String("indexes") && type != QLatin1String("fks")
                   && type != QLatin1String("pks") && type != QLatin1String("uniques")
                   && type != QLatin1String("checks") && type != QLatin1String("policies")
                   && type != QLatin1String("privileges")) {
            return fail(child(path, "entityType"), Tr::tr("Unknown entity type \"%1\".").arg(type));
        }
    }

    // Second pass: what belongs to a table. Grants ("privileges") are not part of the model.
    position = 0;
    for (const Json &entity : *ddl) {
        const Path path = child(ddlPath, position++);
        QString type;
        entityType(entity, path, &type);
        if (type != QLatin1String("columns") && type != QLatin1String("indexes") && type != QLatin1String("fks")
            && type != QLatin1String("pks") && type != QLatin1String("uniques") && type != QLatin1String("checks")
            && type != QLatin1String("policies"))
            continue;
        QString tableSchema;
        QString tableName;
        QString name;
        if (!string(entity, path, "schema", &tableSchema) || !string(entity, path, "table", &tableName)
            || !string(entity, path, "name", &name))
            return false;
        const auto found = tableIndex.constFind(tableKey(tableSchema, tableName));
        if (found == tableIndex.constEnd())
            return fail(child(path, "table"),
                        Tr::tr("The table \"%1\".\"%2\" is not in the snapshot.").arg(tableSchema, tableName));
        Table &table = schema.tables[*found];

        if (type == QLatin1String("columns")) {
            Column column;
            column.name = name;
            QString columnType;
            bool userDefined = false;
            double dimensions = 0;
            if (!string(entity, path, "type", &columnType)
                || !nullableString(entity, path, "typeSchema", &column.typeSchema, &userDefined)
                || !boolean(entity, path, "notNull", &column.notNull))
                return false;
            const auto dimensionsIt = entity.find("dimensions");
            if (dimensionsIt != entity.end()) {
                if (!dimensionsIt->is_number_integer())
                    return fail(child(path, "dimensions"), wrongType(Tr::tr("a whole number"), *dimensionsIt));
                dimensions = dimensionsIt->get<double>();
            }
            const SnapshotTypes::ModelType mapped = SnapshotTypes::toModel(columnType, userDefined);
            column.type = mapped.type;
            column.arrayDimensions = mapped.arrayDimensions + int(std::clamp(dimensions, 0.0, 64.0));
            QString defaultText;
            bool hasDefault = false;
            if (!nullableString(entity, path, "default", &defaultText, &hasDefault))
                return false;
            if (hasDefault)
                column.defaultExpression = defaultText;
            else if (!mapped.serialOf.isEmpty() && column.arrayDimensions == 0)
                column.defaultExpression = SnapshotTypes::serialDefault(tableSchema, tableName, name);
            const auto generatedIt = entity.find("generated");
            if (generatedIt != entity.end() && !generatedIt->is_null()) {
                const Path generatedPath = child(path, "generated");
                QString expression;
                if (!expectObject(*generatedIt, generatedPath) || !string(*generatedIt, generatedPath, "as", &expression))
                    return false;
                column.generatedExpression = expression;
            }
            const auto identityIt = entity.find("identity");
            if (identityIt != entity.end() && !identityIt->is_null()) {
                const Path identityPath = child(path, "identity");
                Identity identity;
                QString kind;
                if (!expectObject(*identityIt, identityPath)
                    || !choice(*identityIt, identityPath, "type", {QStringLiteral("always"), QStringLiteral("byDefault")},
                               &kind, true)
                    || !string(*identityIt, identityPath, "name", &identity.sequenceName)
                    || !nullableString(*identityIt, identityPath, "schema", &identity.sequenceSchema)
                    || !integer(*identityIt, identityPath, "increment", &identity.increment, true)
                    || !integer(*identityIt, identityPath, "minValue", &identity.minValue, true)
                    || !integer(*identityIt, identityPath, "maxValue", &identity.maxValue, true)
                    || !integer(*identityIt, identityPath, "startWith", &identity.start, true)
                    || !integer(*identityIt, identityPath, "cache", &identity.cache, true))
                    return false;
                const auto cycleIt = identityIt->find("cycle");
                if (cycleIt != identityIt->end() && !cycleIt->is_null()
                    && !boolean(*identityIt, identityPath, "cycle", &identity.cycle))
                    return false;
                identity.kind = kind == QLatin1String("always") ? Identity::Kind::Always : Identity::Kind::ByDefault;
                if (identity.sequenceSchema.isEmpty())
                    identity.sequenceSchema = tableSchema;
                column.identity = identity;
            }
            table.columns.append(std::move(column));
        } else if (type == QLatin1String("pks")) {
            PrimaryKey key;
            key.name = name;
            if (!stringList(entity, path, "columns", &key.columns))
                return false;
            if (table.primaryKey)
                return fail(path, Tr::tr("A second primary key: a table has at most one."));
            table.primaryKey = key;
        } else if (type == QLatin1String("uniques")) {
            UniqueConstraint unique;
            unique.name = name;
            if (!stringList(entity, path, "columns", &unique.columns)
                || !boolean(entity, path, "nullsNotDistinct", &unique.nullsNotDistinct, false))
                return false;
            table.uniqueConstraints.append(std::move(unique));
        } else if (type == QLatin1String("checks")) {
            CheckConstraint check;
            check.name = name;
            if (!string(entity, path, "value", &check.expression))
                return false;
            table.checks.append(std::move(check));
        } else if (type == QLatin1String("fks")) {
            ForeignKey key;
            key.name = name;
            QString onUpdate;
            QString onDelete;
            const auto action = [&](const char *field, QString *out) {
                const auto it = entity.find(field);
                if (it == entity.end() || it->is_null())
                    return true;
                return choice(entity, path, field, actionValues, out, true, Qt::CaseInsensitive);
            };
            if (!stringList(entity, path, "columns", &key.columns) || !string(entity, path, "schemaTo", &key.targetSchema)
                || !string(entity, path, "tableTo", &key.targetTable)
                || !stringList(entity, path, "columnsTo", &key.targetColumns) || !action("onUpdate", &onUpdate)
                || !action("onDelete", &onDelete))
                return false;
            key.onUpdate = actionFromText(onUpdate).value_or(ForeignKeyAction::NoAction);
            key.onDelete = actionFromText(onDelete).value_or(ForeignKeyAction::NoAction);
            table.foreignKeys.append(std::move(key));
        } else if (type == QLatin1String("policies")) {
            Policy policy;
            policy.name = name;
            QString as;
            QString usingText;
            QString withCheck;
            if (!choice(entity, path, "as", permissiveValues, &as, false)
                || !choice(entity, path, "for", commandValues, &policy.command, false)
                || !stringList(entity, path, "roles", &policy.roles, false)
                || !nullableString(entity, path, "using", &policy.usingExpression)
                || !nullableString(entity, path, "withCheck", &policy.withCheckExpression))
                return false;
            policy.permissive = as != QLatin1String("RESTRICTIVE");
            if (policy.roles == QStringList{QStringLiteral("public")})
                policy.roles.clear();
            table.policies.append(std::move(policy));
        } else if (type == QLatin1String("indexes")) {
            Index index;
            index.name = name;
            QString with;
            if (!boolean(entity, path, "isUnique", &index.unique)
                || !nullableString(entity, path, "where", &index.where)
                || !nullableString(entity, path, "with", &with)
                || !string(entity, path, "method", &index.method, false)
                || !boolean(entity, path, "concurrently", &index.concurrently, false))
                return false;
            // "fillfactor=70,deduplicate_items=false", as reloptions print.
            for (const QString &option : with.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const qsizetype eq = option.indexOf(QLatin1Char('='));
                index.with.append({option.left(eq).trimmed(), eq < 0 ? QString() : option.mid(eq + 1).trimmed()});
            }
            bool columnsOk = true;
            const Json *columns = member(entity, path, "columns", true, &columnsOk);
            if (!columns)
                return false;
            const Path columnsPath = child(path, "columns");
            if (!columns->is_array())
                return fail(columnsPath, wrongType(Tr::tr("an array"), *columns));
            int keyPosition = 0;
            for (const Json &item : *columns) {
                const Path keyPath = child(columnsPath, keyPosition++);
                IndexKey key;
                bool asc = true;
                bool nullsFirst = false;
                if (!expectObject(item, keyPath) || !string(item, keyPath, "value", &key.expression)
                    || !boolean(item, keyPath, "isExpression", &key.isExpression)
                    || !boolean(item, keyPath, "asc", &asc) || !boolean(item, keyPath, "nullsFirst", &nullsFirst, false))
                    return false;
                key.descending = !asc;
                if (nullsFirst != !asc)
                    key.nulls = nullsFirst ? IndexKey::Nulls::First : IndexKey::Nulls::Last;
                const auto opclassIt = item.find("opclass");
                if (opclassIt != item.end() && !opclassIt->is_null()) {
                    const Path opclassPath = child(keyPath, "opclass");
                    bool isDefault = false;
                    if (!expectObject(*opclassIt, opclassPath)
                        || !string(*opclassIt, opclassPath, "name", &key.opclass)
                        || !boolean(*opclassIt, opclassPath, "default", &isDefault, false))
                        return false;
                    if (isDefault)
                        key.opclass.clear();
                }
                index.keys.append(std::move(key));
            }
            table.indexes.append(std::move(index));
        }
    }
    return true;
}

} // namespace strata
