// A table tab in the real main window, offscreen: opened by a double click in the sidebar,
// scrolled to the end and back, sorted, filtered, edited, reviewed and applied, a JSON value
// in the side panel, a foreign-key jump and back; screenshots for the README.
#include "TestCluster.h"
#include "TestRegistry.h"
#include "WidgetTest.h"

#include "MainWindow.h"
#include "data/CatalogModel.h"
#include "data/RowWindow.h"
#include "data/TableBrowser.h"
#include "data/TableModel.h"
#include "data/TableExport.h"
#include "grid/DataGrid.h"
#include "grid/ExportRunner.h"
#include "grid/FilterBar.h"
#include "grid/ReviewDialog.h"
#include "grid/TableTab.h"
#include "grid/ValuePanel.h"
#include "sidebar/SidebarWidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace strata;

namespace {

using test::saveArtifact;

QString shown(TableTab *tab, int row, const QString &column)
{
    TableModel *model = tab->browser()->model();
    const int c = tab->browser()->relation().columnIndex(column);
    return model->data(model->index(row, c), TableModel::ValueRole).toString();
}

// A double click as a window system delivers it: press, release, press, double click. (Qt 6.4's
// QTest::mouseDClick leaves out the second press, and an item view then never edits.)
void doubleClick(QWidget *widget, const QPoint &at)
{
    QTest::mousePress(widget, Qt::LeftButton, {}, at);
    QTest::mouseRelease(widget, Qt::LeftButton, {}, at);
    const QPointF global = widget->mapToGlobal(at);
    QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton, {});
    QApplication::sendEvent(widget, &press);
    QMouseEvent dbl(QEvent::MouseButtonDblClick, at, global, Qt::LeftButton, Qt::LeftButton, {});
    QApplication::sendEvent(widget, &dbl);
    QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton, {});
    QApplication::sendEvent(widget, &release);
}

bool loaded(TableTab *tab, int row)
{
    return tab->browser()->window()->row(row) != nullptr;
}

} // namespace

class TableTabTest : public QObject
{
    Q_OBJECT

    test::TestCluster m_cluster;
    std::unique_ptr<MainWindow> m_window;

    QString sql(const QString &query)
    {
        QString output;
        QString error;
        if (!m_cluster.runSql(query, &output, &error))
            qWarning("%s", qPrintable(error));
        return output;
    }
    TableTab *currentTab() const { return qobject_cast<TableTab *>(m_window->tabs()->currentWidget()); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        sql(QStringLiteral(R"SQL(
            CREATE TYPE item_status AS ENUM ('draft', 'active', 'retired');
            CREATE TABLE owners (id integer PRIMARY KEY, name text NOT NULL);
            INSERT INTO owners SELECT g, 'owner ' || g FROM generate_series(1, 100) g;
            CREATE TABLE items (
                id bigint PRIMARY KEY, name text, active boolean, status item_status,
                price numeric(30,10), big bigint, created timestamptz, data jsonb, tags text[],
                note text, owner_id integer REFERENCES owners(id));
            INSERT INTO items SELECT g, 'item ' || g, g % 2 = 0,
                (ARRAY['draft','active','retired'])[g % 3 + 1]::item_status,
                (g * 1.0000000001)::numeric(30,10), 9223372036854775000 + g % 800,
                timestamptz '2024-03-31 01:30:00+00' + g * interval '1 minute',
                jsonb_build_object('n', g, 'nested', jsonb_build_object('tags', jsonb_build_array('a', g))),
                ARRAY['x', 'y ' || g], CASE WHEN g % 5 = 0 THEN NULL WHEN g % 5 = 1 THEN '' ELSE 'note' END,
                g % 100 + 1
            FROM generate_series(1, 50000) g;
            ANALYZE items;)SQL"));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1400, 820);
        m_window->show();
        QSignalSpy catalog(m_window.get(), &MainWindow::catalogLoaded);
        m_window->openConnection(m_cluster.spec(QStringLiteral("postgres")), QStringLiteral("test server"));
        QVERIFY(catalog.wait(30000));
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

    void doubleClickOpensATab()
    {
        QTreeView *view = m_window->sidebar()->view();
        const QAbstractItemModel *model = view->model();
        QModelIndex items;
        for (const QModelIndex &hit : model->match(model->index(0, 0), CatalogModel::NameRole, QStringLiteral("items"), -1,
                                                   Qt::MatchExactly | Qt::MatchRecursive))
            items = hit;
        QVERIFY(items.isValid());
        view->expand(items.parent().parent());
        view->expand(items.parent());
        view->scrollTo(items);
        const QRect rect = view->visualRect(items);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(currentTab());
        TableTab *tab = currentTab();
        QCOMPARE(tab->title(), QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("id")), QStringLiteral("1"));
        // What the grid draws and edits by, read from the catalogs.
        QTRY_VERIFY(tab->browser()->relation().canUpdate);
        using Kind = RelationColumn::Kind;
        QList<Kind> kinds;
        for (const RelationColumn &column : tab->browser()->relation().columns)
            kinds << column.kind;
        QCOMPARE(kinds, (QList<Kind>{Kind::Integer, Kind::Text, Kind::Boolean, Kind::Enum, Kind::Numeric, Kind::Integer,
                                     Kind::Other, Kind::Json, Kind::Other, Kind::Text, Kind::Integer}));
        QTRY_COMPARE(tab->countLabel()->text(), QStringLiteral("~50.0K rows"));
        // Types as the server prints them: exact numbers, the zone shown, NULL is not ''.
        QCOMPARE(shown(tab, 0, QStringLiteral("big")), QStringLiteral("9223372036854775001"));
        QCOMPARE(shown(tab, 0, QStringLiteral("price")), QStringLiteral("1.0000000001"));
        QVERIFY(shown(tab, 0, QStringLiteral("created")).contains(QRegularExpression(QStringLiteral("[+-]\\d\\d(:\\d\\d)?$"))));
        TableModel *rows = tab->browser()->model();
        const int note = tab->browser()->relation().columnIndex(QStringLiteral("note"));
        QCOMPARE(rows->data(rows->index(4, note), TableModel::CellStateRole).value<TableModel::CellState>(),
                 TableModel::CellState::Null);
        QCOMPARE(rows->data(rows->index(0, note), TableModel::CellStateRole).value<TableModel::CellState>(),
                 TableModel::CellState::Value);
        QCOMPARE(shown(tab, 0, QStringLiteral("note")), QString(""));
        QVERIFY(!shown(tab, 0, QStringLiteral("note")).isNull());
        saveArtifact(m_window.get(), QStringLiteral("table-browser.png"));
    }

    void scrollToTheEndAndBack()
    {
        TableTab *tab = currentTab();
        DataGrid *grid = tab->grid();
        grid->setFocus();
        grid->setCurrentIndex(grid->model()->index(0, 0));
        QTest::keyClick(grid, Qt::Key_End, Qt::ControlModifier);
        const int last = grid->model()->rowCount() - 1;
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, last), 20000);
        QCOMPARE(shown(tab, last, QStringLiteral("id")), QStringLiteral("50000"));
        QTest::keyClick(grid, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("id")), QStringLiteral("1"));
        QVERIFY(tab->browser()->window()->loadedPages() <= tab->browser()->window()->maxPages());
    }

    void headerClicksSort()
    {
        TableTab *tab = currentTab();
        QHeaderView *header = tab->grid()->horizontalHeader();
        const int price = tab->browser()->relation().columnIndex(QStringLiteral("price"));
        const QPoint at(header->sectionViewportPosition(price) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(loaded(tab, 0));
        QCOMPARE(tab->browser()->sort().size(), 1);
        QCOMPARE(header->model()->headerData(price, Qt::Horizontal).toString(), QStringLiteral("price ▲"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);  // again: descending
        QTRY_VERIFY(tab->browser()->sort().value(0).descending);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("id")), QStringLiteral("50000"));
        // Shift+click adds a column to the sort; the header numbers them.
        const int name = tab->browser()->relation().columnIndex(QStringLiteral("name"));
        QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                          QPoint(header->sectionViewportPosition(name) + 10, header->height() / 2));
        QTRY_COMPARE(tab->browser()->sort().size(), 2);
        QCOMPARE(header->model()->headerData(price, Qt::Horizontal).toString(), QStringLiteral("price ▼1"));
        QCOMPARE(header->model()->headerData(name, Qt::Horizontal).toString(), QStringLiteral("name ▲2"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);  // a plain click: price alone again
        QTRY_COMPARE(tab->browser()->sort().size(), 1);
        tab->browser()->setSort({});
        QTRY_VERIFY(tab->browser()->sort().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
    }

    void enumEditsWithADropDown()
    {
        TableTab *tab = currentTab();
        DataGrid *grid = tab->grid();
        TableModel *model = tab->browser()->model();
        QTRY_VERIFY(model->isEditable());
        const QModelIndex cell = model->index(1, tab->browser()->relation().columnIndex(QStringLiteral("status")));
        grid->scrollTo(cell);
        doubleClick(grid->viewport(), grid->visualRect(cell).center());
        QComboBox *editor = nullptr;
        QTRY_VERIFY((editor = grid->viewport()->findChild<QComboBox *>()) && editor->isVisible());
        QStringList items;
        for (int i = 0; i < editor->count(); ++i)
            items << editor->itemText(i);
        QCOMPARE(items, (QStringList{"draft", "active", "retired", "NULL"}));
        QTest::keyClick(editor, Qt::Key_Escape);  // nothing chosen, nothing staged
        QTRY_VERIFY(!grid->viewport()->findChild<QComboBox *>() || !grid->viewport()->findChild<QComboBox *>()->isVisible());
        QVERIFY(model->edits().isEmpty());
    }

    void filterBarFilters()
    {
        TableTab *tab = currentTab();
        FilterBar *bar = tab->filterBar();
        bar->addCondition(QStringLiteral("status"));
        QComboBox *op = bar->operatorBox(bar->conditionCount() - 1);
        op->setCurrentIndex(op->findData(int(RowFilter::Op::Equals)));
        QLineEdit *value = bar->valueEdit(bar->conditionCount() - 1);
        QTest::keyClicks(value, QStringLiteral("retired"));
        QTest::keyClick(value, Qt::Key_Return);
        QTRY_VERIFY(!tab->browser()->compiledFilter().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        for (int row = 0; row < 20; ++row)
            QCOMPARE(shown(tab, row, QStringLiteral("status")), QStringLiteral("retired"));
        QTRY_VERIFY(tab->countLabel()->text().endsWith(QStringLiteral("(filtered)")));
        saveArtifact(m_window.get(), QStringLiteral("table-filtered.png"));
        // A raw clause that is not one expression is refused, with the reason shown.
        QTest::keyClicks(bar->rawEdit(), QStringLiteral("true; DELETE FROM items"));
        QTest::keyClick(bar->rawEdit(), Qt::Key_Return);
        QVERIFY(tab->browser()->rawWhere().isEmpty());
        QVERIFY(bar->findChildren<QLabel *>().size() > 0);
        bar->setFilters({}, {});
        QTest::keyClick(bar->rawEdit(), Qt::Key_Return);
        QTRY_VERIFY(tab->browser()->compiledFilter().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
    }

    void editReviewApply()
    {
        TableTab *tab = currentTab();
        DataGrid *grid = tab->grid();
        TableModel *model = tab->browser()->model();
        QTRY_VERIFY(model->isEditable());
        const int name = tab->browser()->relation().columnIndex(QStringLiteral("name"));
        const QModelIndex cell = model->index(0, name);
        grid->scrollTo(cell);
        doubleClick(grid->viewport(), grid->visualRect(cell).center());
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = grid->viewport()->findChild<QLineEdit *>()) && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Renamed O'Hara"));
        QTest::keyClick(editor, Qt::Key_Return);  // the delegate commits on the next turn of the event loop
        QTRY_COMPARE(model->data(cell, TableModel::CellStateRole).value<TableModel::CellState>(), TableModel::CellState::Changed);
        QVERIFY(tab->action(QStringLiteral("review"))->isEnabled());

        // Review shows the exact SQL; Apply runs it.
        QString reviewed;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ReviewDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            reviewed = dialog->text()->toPlainText();
            saveArtifact(dialog, QStringLiteral("table-review.png"));
            dialog->accept();
        });
        QSignalSpy applied(tab->browser(), &TableBrowser::applied);
        tab->action(QStringLiteral("review"))->trigger();
        QVERIFY(reviewed.contains(QStringLiteral("UPDATE \"public\".\"items\" SET \"name\" = $1 WHERE \"id\" = $2")));
        QVERIFY(reviewed.contains(QStringLiteral("'Renamed O''Hara'")));
        QVERIFY(applied.wait(20000));
        QCOMPARE(sql(QStringLiteral("SELECT name FROM items WHERE id = 1")), QStringLiteral("Renamed O'Hara"));
        QTRY_COMPARE(shown(tab, 0, QStringLiteral("name")), QStringLiteral("Renamed O'Hara"));
    }

    void jsonInTheSidePanel()
    {
        TableTab *tab = currentTab();
        TableModel *model = tab->browser()->model();
        const QModelIndex cell = model->index(2, tab->browser()->relation().columnIndex(QStringLiteral("data")));
        tab->grid()->setCurrentIndex(cell);
        const QString text = tab->valuePanel()->editor()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("\n  \"n\": 3")), qPrintable(text));
        QCOMPARE(tab->valuePanel()->validation(), QStringLiteral("Valid JSON."));
        tab->valuePanel()->editor()->setPlainText(QStringLiteral("{\"n\": "));
        QVERIFY(tab->valuePanel()->validation().startsWith(QStringLiteral("Not valid JSON")));
        tab->grid()->setCurrentIndex(model->index(3, 0));  // leaving the cell stages nothing
        QVERIFY(model->edits().isEmpty());
    }

    void copyAsSqlInsert()
    {
        TableTab *tab = currentTab();
        TableModel *model = tab->browser()->model();
        tab->grid()->selectionModel()->select(QItemSelection(model->index(1, 0), model->index(2, 1)),
                                              QItemSelectionModel::ClearAndSelect);
        tab->copySelection(3);
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("INSERT INTO \"public\".\"items\" (\"id\", \"name\") VALUES ('2', 'item 2');\n"
                                "INSERT INTO \"public\".\"items\" (\"id\", \"name\") VALUES ('3', 'item 3');"));
    }

    void foreignKeyJumpAndBack()
    {
        TableTab *tab = currentTab();
        TableModel *model = tab->browser()->model();
        const QModelIndex cell = model->index(1, tab->browser()->relation().columnIndex(QStringLiteral("owner_id")));
        QVERIFY(cell.data(TableModel::LinkRole).toBool());
        const QString owner = cell.data(TableModel::ValueRole).toString();
        tab->grid()->scrollTo(cell);
        QTest::mouseClick(tab->grid()->viewport(), Qt::LeftButton, Qt::ControlModifier, tab->grid()->visualRect(cell).center());
        QTRY_COMPARE(tab->title(), QStringLiteral("owners"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("id")), owner);
        QCOMPARE(tab->browser()->window()->rowCount(), 1);
        QTRY_COMPARE(tab->countLabel()->text(), QStringLiteral("1 row (filtered)"));
        QVERIFY(tab->action(QStringLiteral("back"))->isEnabled());
        // Referenced by: the items that point at this owner.
        tab->openReferencing(0, 0);
        QTRY_COMPARE(tab->title(), QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("owner_id")), owner);
        tab->goBack();
        QTRY_COMPARE(tab->title(), QStringLiteral("owners"));
        tab->goBack();
        QTRY_COMPARE(tab->title(), QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QVERIFY(tab->browser()->compiledFilter().isEmpty());
        tab->goForward();
        QTRY_COMPARE(tab->title(), QStringLiteral("owners"));
    }
    void exactCountAndExport()
    {
        TableTab *tab = m_window->openTable(QStringLiteral("public"), QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(tab->browser()->isOpen(), 20000);
        tab->browser()->setFilter({}, {});
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        tab->action(QStringLiteral("count"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(tab->countLabel()->text(), QLocale().toString(50000) + QStringLiteral(" rows"), 20000);

        // The filtered rows, in the columns shown, streamed to a file with the progress shown.
        tab->browser()->setFilter({RowFilter{QStringLiteral("status"), RowFilter::Op::Equals, {QStringLiteral("draft")}}});
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        const QString path = QDir(test::testClusterRoot()).filePath(QStringLiteral("items-%1.csv").arg(QCoreApplication::applicationPid()));
        QFile::remove(path);
        tab->exportRows(int(ExportRequest::Format::Csv), path, true);
        QVERIFY(tab->exportRunner());
        QSignalSpy ended(tab->exportRunner(), &ExportRunner::ended);
        QVERIFY(ended.wait(60000));
        QVERIFY2(ended.first().at(1).toBool(), qPrintable(ended.first().at(0).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("id,name,active,status,"));
        QCOMPARE(lines.size() - 2, sql(QStringLiteral("SELECT count(*) FROM items WHERE status = 'draft'")).toInt());
        QVERIFY(tab->statusLabel()->text().startsWith(QStringLiteral("Exported")));
        file.remove();
    }

    void layoutIsRememberedPerTable()
    {
        TableTab *tab = m_window->openTable(QStringLiteral("public"), QStringLiteral("items"));
        QVERIFY(tab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->browser()->isOpen() && loaded(tab, 0), 20000);
        tab->browser()->setSort({SortColumn{QStringLiteral("name"), true}});
        const int note = tab->browser()->relation().columnIndex(QStringLiteral("note"));
        tab->grid()->setColumnHidden(note, true);
        m_window->tabs()->tabCloseRequested(m_window->tabs()->indexOf(tab));
        QTRY_VERIFY(m_window->tabs()->indexOf(tab) < 0);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

        tab = m_window->openTable(QStringLiteral("public"), QStringLiteral("items"));
        QTRY_VERIFY_WITH_TIMEOUT(tab->browser()->isOpen() && loaded(tab, 0), 20000);
        QCOMPARE(tab->browser()->sort().value(0).column, QStringLiteral("name"));
        QVERIFY(tab->browser()->sort().value(0).descending);
        QVERIFY(tab->grid()->isColumnHidden(note));
        QCOMPARE(shown(tab, 0, QStringLiteral("name")), sql(QStringLiteral("SELECT max(name) FROM items")));
        tab->browser()->setSort({});
        tab->grid()->setColumnHidden(note, false);
    }

    void pasteStagesCells()
    {
        TableTab *tab = m_window->openTable(QStringLiteral("public"), QStringLiteral("owners"));
        QTRY_VERIFY_WITH_TIMEOUT(tab->browser()->isOpen(), 20000);
        tab->browser()->setFilter({}, {});  // the tab the foreign-key jump left filtered
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 1), 20000);
        TableModel *model = tab->browser()->model();
        tab->grid()->setCurrentIndex(model->index(0, 1));
        QApplication::clipboard()->setText(QStringLiteral("first\nsecond\n"));
        tab->pasteClipboard();
        QCOMPARE(model->data(model->index(0, 1), TableModel::ValueRole).toString(), QStringLiteral("first"));
        QCOMPARE(model->data(model->index(1, 1), TableModel::CellStateRole).value<TableModel::CellState>(),
                 TableModel::CellState::Changed);
        QCOMPARE(model->edits().changeCount(), 2);
        tab->action(QStringLiteral("discard"))->trigger();
        QVERIFY(model->edits().isEmpty());
        QCOMPARE(model->data(model->index(0, 1), TableModel::ValueRole).toString(), QStringLiteral("owner 1"));
    }

    void productionIsReadOnlyUntilUnlocked()
    {
        TableTab tab(m_cluster.spec(QStringLiteral("postgres")), QString(), QStringLiteral("public"), QStringLiteral("owners"),
                     true, QStringLiteral("production test"));
        tab.resize(900, 500);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(tab.browser()->isOpen(), 20000);
        QVERIFY(!tab.browser()->model()->isEditable());
        QVERIFY(tab.statusLabel()->text().contains(QStringLiteral("production")));
        QVERIFY(tab.action(QStringLiteral("unlock"))->isVisible());
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        tab.action(QStringLiteral("unlock"))->trigger();
        QVERIFY(tab.browser()->model()->isEditable());
        QVERIFY(!tab.action(QStringLiteral("unlock"))->isVisible());
    }

    void errorsShowWithRetry()
    {
        sql(QStringLiteral("CREATE TABLE fragile (id integer PRIMARY KEY); INSERT INTO fragile VALUES (7);"));
        TableTab *tab = m_window->openTable(QStringLiteral("public"), QStringLiteral("fragile"));
        QTRY_VERIFY_WITH_TIMEOUT(tab->browser()->isOpen() && loaded(tab, 0), 20000);
        sql(QStringLiteral("DROP TABLE fragile"));
        tab->action(QStringLiteral("refresh"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(tab->retryButton()->isVisible(), 20000);
        QVERIFY2(tab->errorLabel()->text().contains(QStringLiteral("does not exist")), qPrintable(tab->errorLabel()->text()));
        saveArtifact(m_window.get(), QStringLiteral("table-error.png"));
        sql(QStringLiteral("CREATE TABLE fragile (id integer PRIMARY KEY); INSERT INTO fragile VALUES (8);"));
        QTest::mouseClick(tab->retryButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(loaded(tab, 0), 20000);
        QCOMPARE(shown(tab, 0, QStringLiteral("id")), QStringLiteral("8"));
        QVERIFY(!tab->retryButton()->isVisible());
    }
};

STRATA_TEST(TableTabTest)
#include "TableTabTest.moc"
