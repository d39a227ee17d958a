#include "TableLayoutStore.h"

#include "data/TableBrowser.h"

#include <QHeaderView>
#include <QSettings>
#include <QUrl>

namespace strata {

namespace {

const QChar separator(0x1f);  // between a filter's parts: never typed into a value

QStringList columnNames(const TableBrowser &browser)
{
    QStringList names;
    for (const RelationColumn &c : browser.relation().columns)
        names << c.name;
    return names;
}

} // namespace

TableLayoutStore::TableLayoutStore(QString settingsKey)
    : m_settingsKey(std::move(settingsKey))
{
}

QString TableLayoutStore::key(const QString &schema, const QString &name, const QString &what) const
{
    // Percent-encoded: a table called "a/b" must not open a settings group of its own.
    const auto encode = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    return QStringLiteral("tables/%1/%2/%3/%4").arg(encode(m_settingsKey), encode(schema), encode(name), what);
}

TableLayoutStore::Saved TableLayoutStore::load(const QString &schema, const QString &name) const
{
    QSettings settings;
    Saved saved;
    for (const QString &item : settings.value(key(schema, name, QStringLiteral("sort"))).toStringList())
        saved.sort << SortColumn{item.mid(1), item.startsWith(u'-')};
    for (const QString &item : settings.value(key(schema, name, QStringLiteral("filters"))).toStringList()) {
        const QStringList parts = item.split(separator);
        const std::optional<RowFilter::Op> op = RowFilter::opFromId(parts.value(1));
        if (parts.size() >= 2 && op)
            saved.filters << RowFilter{parts[0], *op, parts.mid(2)};
    }
    saved.rawWhere = settings.value(key(schema, name, QStringLiteral("where"))).toString();
    return saved;
}

void TableLayoutStore::save(const TableBrowser &browser, const QHeaderView &header) const
{
    if (!browser.isOpen())
        return;
    QSettings settings;
    const QString &schema = browser.schema();
    const QString &name = browser.name();
    QStringList sort;
    for (const SortColumn &s : browser.sort())
        sort << (s.descending ? u'-' : u'+') + s.column;
    settings.setValue(key(schema, name, QStringLiteral("sort")), sort);
    QStringList filters;
    for (const RowFilter &f : browser.filters())
        filters << (QStringList{f.column, RowFilter::opId(f.op)} + f.values).join(separator);
    settings.setValue(key(schema, name, QStringLiteral("filters")), filters);
    settings.setValue(key(schema, name, QStringLiteral("where")), browser.rawWhere());
    settings.setValue(key(schema, name, QStringLiteral("columns")), columnNames(browser));
    settings.setValue(key(schema, name, QStringLiteral("header")), header.saveState());
}

bool TableLayoutStore::restoreHeader(const TableBrowser &browser, QHeaderView &header) const
{
    QSettings settings;
    const QString &schema = browser.schema();
    const QString &name = browser.name();
    return settings.value(key(schema, name, QStringLiteral("columns"))).toStringList() == columnNames(browser)
        && header.restoreState(settings.value(key(schema, name, QStringLiteral("header"))).toByteArray());
}

} // namespace strata
