#include "SavedConnectionList.h"

#include "pg/SavedConnections.h"

namespace strata {

namespace {

constexpr int recentCount = 8;
constexpr int idRole = Qt::UserRole;

QString idOf(const QTreeWidgetItem *item)
{
    return item ? item->data(0, idRole).toString() : QString();
}

} // namespace

SavedConnectionList::SavedConnectionList(SavedConnections &saved, QWidget *parent)
    : QTreeWidget(parent)
    , m_saved(saved)
{
    setObjectName(QStringLiteral("connectionList"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setMinimumWidth(220);
    setAccessibleName(tr("Saved and recent connections"));
    m_savedGroup = new QTreeWidgetItem(this, {tr("Saved")});
    m_recentGroup = new QTreeWidgetItem(this, {tr("Recent")});
    // An empty white box says nothing; this says the list is empty for now.
    m_emptyHint = new QTreeWidgetItem(this, {tr("Nothing saved or used yet")});
    m_emptyHint->setFlags(Qt::NoItemFlags);
    QFont hintFont = m_emptyHint->font(0);
    hintFont.setItalic(true);
    m_emptyHint->setFont(0, hintFont);
    for (QTreeWidgetItem *group : {m_savedGroup, m_recentGroup}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { emit currentEntryChanged(idOf(item)); });
    connect(this, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { emit entryActivated(idOf(item)); });
}

void SavedConnectionList::reload()
{
    // Deleting the current item would move the selection and load another entry.
    const QSignalBlocker blocker(this);
    qDeleteAll(m_savedGroup->takeChildren());
    qDeleteAll(m_recentGroup->takeChildren());
    const auto addItem = [](QTreeWidgetItem *group, const SavedConnection &entry) {
        auto *item = new QTreeWidgetItem(group, {entry.displayName()});
        item->setData(0, idRole, entry.id);
        QString tip = entry.spec.displayName();
        if (!entry.projectFolder.isEmpty())
            tip += QLatin1Char('\n') + tr("Project: %1").arg(entry.projectFolder);
        if (entry.production) {
            item->setText(0, tr("%1 (production)").arg(entry.displayName()));
            tip += QLatin1Char('\n') + tr("Production: read-only until unlocked");
        }
        item->setToolTip(0, tip);
    };
    for (const SavedConnection &entry : m_saved.list())
        addItem(m_savedGroup, entry);
    for (const SavedConnection &entry : m_saved.recent(recentCount))
        addItem(m_recentGroup, entry);
    m_savedGroup->setHidden(m_savedGroup->childCount() == 0);
    m_recentGroup->setHidden(m_recentGroup->childCount() == 0);
    m_emptyHint->setHidden(m_savedGroup->childCount() + m_recentGroup->childCount() > 0);
    expandAll();
}

QTreeWidgetItem *SavedConnectionList::itemOf(const QString &id) const
{
    for (QTreeWidgetItem *group : {m_savedGroup, m_recentGroup}) {
        for (int i = 0; i < group->childCount(); ++i) {
            if (idOf(group->child(i)) == id)
                return group->child(i);
        }
    }
    return nullptr;
}

} // namespace strata
