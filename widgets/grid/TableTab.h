#pragma once

#include "data/BrowseQuery.h"
#include "data/RelationInfo.h"
#include "data/RowFilter.h"
#include "pg/ConnectionSpec.h"
#include "pg/PgError.h"
#include "TableLayoutStore.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QToolBar;

namespace strata {

class CellDelegate;
class DataGrid;
class FilterBar;
class TableBrowser;
class ExportRunner;
class ValuePanel;

// A tab that browses one relation: toolbar, filter bar, the grid and the value panel, the row
// count, staged edits with Review/Apply/Discard, export, and foreign-key jumps with Back and
// Forward. Each table's sort, filter and column layout are remembered between sessions.
class TableTab : public QWidget
{
    Q_OBJECT
public:
    // Where the tab is: a relation, filtered and sorted.
    struct Location {
        QString schema;
        QString name;
        QList<RowFilter> filters;
        QString rawWhere;
        QList<SortColumn> sort;
        bool restoreSaved = true;  // take the remembered sort and filter (a jump brings its own)
    };

    // `production`: editing is locked until the user unlocks it, and applying asks for the
    // database's name. `settingsKey` names the server and database the layouts are kept under.
    // `known`: the relation as the app read it with the schema (RelationInfo::fromSchema), so that
    // the first rows need not wait for the catalogs; empty when not known.
    TableTab(const ConnectionSpec &spec, const QString &password, const QString &schema, const QString &name,
             bool production, const QString &settingsKey, const RelationInfo &known = {}, QWidget *parent = nullptr);
    ~TableTab() override;

    TableBrowser *browser() const { return m_browser.get(); }
    DataGrid *grid() const { return m_grid; }
    FilterBar *filterBar() const { return m_filterBar; }
    ValuePanel *valuePanel() const { return m_valuePanel; }
    QLabel *countLabel() const { return m_count; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *errorLabel() const { return m_errorText; }
    QPushButton *retryButton() const { return m_retry; }
    QAction *action(const QString &name) const;  // "review", "apply", "discard", "count", "back", …
    QString title() const;  // schema.name for the tab's label
    const Location &location() const { return m_location; }

    void navigate(const Location &location);  // a jump: Back returns to where the tab was
    void goBack();
    void goForward();
    void openReferenced(const QModelIndex &index);  // the row a foreign-key cell points to
    void openReferencing(int linkIndex, int row);   // rows of another table that point to `row`
    void copySelection(int format);                 // GridClipboard::Format
    void pasteClipboard();
    // Review → Apply: shows the SQL first. `confirm` false skips the dialogs (tests, scripts).
    void reviewAndApply(bool confirm = true);
    // ExportRequest::Format; an empty path asks for one; `filtered`: only the rows the filter lets through.
    void exportRows(int format, const QString &path, bool filtered);
    ExportRunner *exportRunner() const { return m_export; }

signals:
    void titleChanged(const QString &title);

private:
    void buildUi();
    void display(const Location &location);
    void opened();
    void updateStatusLine();
    void failed(const PgError &error);
    void updateCount();
    void updateActions();
    void sortClicked(int column, bool add);
    void filterApplied(const QList<RowFilter> &filters, const QString &rawWhere);
    void showCellMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void currentChanged();
    void unlock();
    void saveLayout();
    void restoreLayout();
    Location current() const;

    ConnectionSpec m_spec;
    QString m_password;
    bool m_production;
    bool m_locked;
    TableLayoutStore m_layouts;
    RelationInfo m_known;
    std::unique_ptr<TableBrowser> m_browser;
    Location m_location;
    QList<Location> m_back;
    QList<Location> m_forward;
    QToolBar *m_toolBar;
    QHash<QString, QAction *> m_actions;
    FilterBar *m_filterBar;
    QSplitter *m_splitter;
    DataGrid *m_grid;
    CellDelegate *m_delegate;
    ValuePanel *m_valuePanel;
    QLabel *m_count;
    QLabel *m_status;
    QWidget *m_error;
    QLabel *m_errorText;
    QPushButton *m_retry;
    ExportRunner *m_export = nullptr;
};

} // namespace strata
