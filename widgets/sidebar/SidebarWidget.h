#pragma once

#include <QSet>
#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class QLabel;

namespace strata {

class CatalogModel;

// The left pane: a filter box over the catalog tree (schemas, tables, views, …) with counts.
class SidebarWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SidebarWidget(CatalogModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    void setMessage(const QString &message);  // shown above the tree; empty hides it

signals:
    // Double-click or Enter on a table, view or materialized view.
    void openRequested(const QString &schema, const QString &name);
    void refreshRequested();
    // The current item changed to a table, view or materialized view (empty names: other).
    void objectSelected(const QString &schema, const QString &name);

private:
    void showContextMenu(const QPoint &pos);
    void applyFilter(const QString &text);
    void activate(const QModelIndex &index);
    void rememberTree();
    void restoreTree();
    static QString nodeKey(const QModelIndex &index);

    CatalogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_message;
    QTreeView *m_view;
    QSet<QString> m_expanded;  // keys of the nodes open before the last reload
    QString m_current;
};

} // namespace strata
