#include "SnapshotReaderParts.h"

#include "Tr.h"

namespace strata {

namespace SnapshotReaderParts {

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

namespace {

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

} // namespace

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

const QStringList permissiveValues{QStringLiteral("PERMISSIVE"), QStringLiteral("RESTRICTIVE")};
const QStringList commandValues{QStringLiteral("ALL"), QStringLiteral("SELECT"), QStringLiteral("INSERT"),
                                QStringLiteral("UPDATE"), QStringLiteral("DELETE")};
const QStringList actionValues{QStringLiteral("no action"), QStringLiteral("restrict"), QStringLiteral("cascade"),
                               QStringLiteral("set null"), QStringLiteral("set default")};

} // namespace SnapshotReaderParts

using namespace SnapshotReaderParts;

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

} // namespace strata
