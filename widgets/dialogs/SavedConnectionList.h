#pragma once

#include <QTreeWidget>

namespace strata {

class SavedConnections;

// The saved and the recent connections as two groups of a list, with a hint while both are
// empty. Each entry's item holds its id (Qt::UserRole).
class SavedConnectionList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit SavedConnectionList(SavedConnections &saved, QWidget *parent = nullptr);

    // Fills both groups afresh from `saved`, with no currentEntryChanged() on the way.
    void reload();
    // The item of entry `id`, in the saved group if it is there; nullptr when not listed.
    QTreeWidgetItem *itemOf(const QString &id) const;

signals:
    void currentEntryChanged(const QString &id);  // empty: no entry (none, or a group)
    void entryActivated(const QString &id);       // double-click or Enter; empty as above

private:
    SavedConnections &m_saved;
    QTreeWidgetItem *m_savedGroup = nullptr;
    QTreeWidgetItem *m_recentGroup = nullptr;
    QTreeWidgetItem *m_emptyHint = nullptr;
};

} // namespace strata
