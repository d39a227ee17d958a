#include "SavedConnections.h"

#include <QCollator>
#include <QLocale>
#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace strata {

namespace {

const QString groupName = QStringLiteral("connections");
// libpq's secret keywords (dispchar "*"): never written to the settings file.
const QStringList secretKeywords = {QStringLiteral("password"), QStringLiteral("sslpassword")};
// Recent-only entries kept; saved ones are never pruned.
constexpr int maxRecentOnly = 20;

// "keyword=value" items, not a conninfo string: exact for any value (quotes, spaces,
// backslashes) without relying on a parser, and still readable in the INI file.
QStringList specToList(const ConnectionSpec &spec)
{
    QStringList items;
    for (const QString &keyword : spec.keywords()) {
        if (!secretKeywords.contains(keyword))
            items.append(keyword + QLatin1Char('=') + spec.value(keyword));
    }
    return items;
}

ConnectionSpec specFromList(const QStringList &items)
{
    ConnectionSpec spec;
    for (const QString &item : items) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString keyword = item.left(eq);
        if (!secretKeywords.contains(keyword))
            spec.setValue(keyword, item.mid(eq + 1));
    }
    return spec;
}

ConnectionSpec withoutPassword(ConnectionSpec spec)
{
    for (const QString &keyword : secretKeywords)
        spec.remove(keyword);
    return spec;
}

bool sameTarget(const SavedConnection &a, const SavedConnection &b)
{
    return withoutPassword(a.spec) == withoutPassword(b.spec) && a.projectFolder == b.projectFolder;
}

} // namespace

QString SavedConnection::displayName() const
{
    return name.isEmpty() ? spec.displayName() : name;
}

SavedConnections::SavedConnections(QSettings &settings)
    : m_settings(&settings)
{
}

SavedConnections::SavedConnections(const QString &iniPath)
    : m_ownSettings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_settings(m_ownSettings.get())
{
}

SavedConnections::~SavedConnections() = default;

QList<SavedConnection> SavedConnections::all() const
{
    m_settings->beginGroup(groupName);
    const QStringList ids = m_settings->childGroups();
    m_settings->endGroup();
    QList<SavedConnection> entries;
    for (const QString &id : ids) {
        if (auto entry = read(id))
            entries.append(*entry);
    }
    return entries;
}

std::optional<SavedConnection> SavedConnections::read(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    m_settings->beginGroup(groupName);
    const bool exists = m_settings->childGroups().contains(id);
    SavedConnection entry;
    if (exists) {
        m_settings->beginGroup(id);
        entry.id = id;
        entry.name = m_settings->value(QStringLiteral("name")).toString();
        entry.spec = specFromList(m_settings->value(QStringLiteral("spec")).toStringList());
        entry.saved = m_settings->value(QStringLiteral("saved"), true).toBool();
        entry.production = m_settings->value(QStringLiteral("production"), false).toBool();
        entry.savePassword = m_settings->value(QStringLiteral("savePassword"), false).toBool();
        entry.projectFolder = m_settings->value(QStringLiteral("projectFolder")).toString();
        const QString used = m_settings->value(QStringLiteral("lastUsed")).toString();
        if (!used.isEmpty())
            entry.lastUsed = QDateTime::fromString(used, Qt::ISODateWithMs);
        m_settings->endGroup();
    }
    m_settings->endGroup();
    if (!exists)
        return std::nullopt;
    return entry;
}

void SavedConnections::write(const SavedConnection &entry)
{
    m_settings->beginGroup(groupName);
    // Replace the whole group so that no key of an older version of the entry lingers.
    m_settings->remove(entry.id);
    m_settings->beginGroup(entry.id);
    m_settings->setValue(QStringLiteral("name"), entry.name);
    m_settings->setValue(QStringLiteral("spec"), specToList(entry.spec));
    m_settings->setValue(QStringLiteral("saved"), entry.saved);
    m_settings->setValue(QStringLiteral("production"), entry.production);
    m_settings->setValue(QStringLiteral("savePassword"), entry.savePassword);
    if (!entry.projectFolder.isEmpty())
        m_settings->setValue(QStringLiteral("projectFolder"), entry.projectFolder);
    if (entry.lastUsed.isValid())
        m_settings->setValue(QStringLiteral("lastUsed"),
                             entry.lastUsed.toUTC().toString(Qt::ISODateWithMs));
    m_settings->endGroup();
    m_settings->endGroup();
}

QList<SavedConnection> SavedConnections::list() const
{
    QList<SavedConnection> entries = all();
    entries.removeIf([](const SavedConnection &entry) { return !entry.saved; });
    // As people read a list of names: "db2" before "db10", "alpha" before "Beta".
    // The C locale's collator compares code points only, without numeric mode.
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const SavedConnection &a, const SavedConnection &b) {
                         return collator.compare(a.displayName(), b.displayName()) < 0;
                     });
    return entries;
}

std::optional<SavedConnection> SavedConnections::find(const QString &id) const
{
    return read(id);
}

QString SavedConnections::save(SavedConnection entry)
{
    if (entry.id.isEmpty())
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.spec = withoutPassword(entry.spec);
    write(entry);
    return entry.id;
}

bool SavedConnections::remove(const QString &id)
{
    if (!read(id))
        return false;
    m_settings->beginGroup(groupName);
    m_settings->remove(id);
    m_settings->endGroup();
    return true;
}

QList<SavedConnection> SavedConnections::recent(int count) const
{
    QList<SavedConnection> used = all();
    used.removeIf([](const SavedConnection &entry) { return !entry.lastUsed.isValid(); });
    std::stable_sort(used.begin(), used.end(),
                     [](const SavedConnection &a, const SavedConnection &b) {
                         return a.lastUsed > b.lastUsed;
                     });
    QList<SavedConnection> result;
    for (const SavedConnection &entry : std::as_const(used)) {
        if (result.size() >= count)
            break;
        const bool duplicate = std::any_of(result.cbegin(), result.cend(),
                                           [&](const SavedConnection &kept) {
                                               return sameTarget(kept, entry);
                                           });
        if (!duplicate)
            result.append(entry);
    }
    return result;
}

bool SavedConnections::markUsed(const QString &id)
{
    std::optional<SavedConnection> entry = read(id);
    if (!entry)
        return false;
    // Strictly later than every other entry, so that two uses within one clock tick
    // still come out in the order they happened.
    QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SavedConnection &other : all()) {
        if (other.lastUsed.isValid() && other.lastUsed >= now)
            now = other.lastUsed.addMSecs(1);
    }
    entry->lastUsed = now;
    write(*entry);
    return true;
}

QString SavedConnections::addRecent(const SavedConnection &entry)
{
    const QList<SavedConnection> entries = all();
    // Prefer a saved entry over a recent-only one for the same target.
    auto match = std::find_if(entries.cbegin(), entries.cend(), [&](const SavedConnection &e) {
        return e.saved && sameTarget(e, entry);
    });
    if (match == entries.cend()) {
        match = std::find_if(entries.cbegin(), entries.cend(),
                             [&](const SavedConnection &e) { return sameTarget(e, entry); });
    }
    QString id;
    if (match != entries.cend()) {
        id = match->id;
    } else {
        SavedConnection recentOnly = entry;
        recentOnly.id.clear();
        recentOnly.saved = false;
        id = save(recentOnly);
    }
    markUsed(id);
    pruneRecents();
    return id;
}

void SavedConnections::pruneRecents()
{
    QList<SavedConnection> recentOnly = all();
    recentOnly.removeIf([](const SavedConnection &entry) { return entry.saved; });
    if (recentOnly.size() <= maxRecentOnly)
        return;
    std::stable_sort(recentOnly.begin(), recentOnly.end(),
                     [](const SavedConnection &a, const SavedConnection &b) {
                         return a.lastUsed > b.lastUsed;
                     });
    for (qsizetype i = maxRecentOnly; i < recentOnly.size(); ++i)
        remove(recentOnly.at(i).id);
}

void SavedConnections::sync()
{
    m_settings->sync();
}

} // namespace strata
