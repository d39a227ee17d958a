// The real main window, offscreen: the demo database in the sidebar, a lost server and a
// reconnect that keeps the window as it was, and a screenshot for people to look at.
#include "TestCluster.h"
#include "TestRegistry.h"
#include "WidgetTest.h"

#include "MainWindow.h"
#include "DemoLauncher.h"
#include "data/CatalogModel.h"
#include "sidebar/SidebarWidget.h"
#include "sidebar/TableDetailsWidget.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace strata;

namespace {

using test::saveArtifact;

QString rowsOf(CatalogModel *model, const QString &schema, const QString &name)
{
    return model->find(schema, name).siblingAtColumn(CatalogModel::RowsColumn).data().toString();
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void demoOpensWithItsTablesAndCounts()
    {
        const QString demoDir = test::testClusterRoot() + QStringLiteral("/demo-%1").arg(QCoreApplication::applicationPid());
        qputenv("STRATA_DEMO_DIR", demoDir.toUtf8());
        {
            MainWindow window;
            window.resize(1200, 760);
            window.show();
            QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
            QSignalSpy schemaLoaded(&window, &MainWindow::schemaLoaded);
            window.startDemo(true);
            // Generating two million rows takes a while on a busy machine; this is a
            // timeout, not a performance check.
            QVERIFY(loaded.wait(600000));

            CatalogModel *catalog = window.catalog();
            for (const char *table : {"users", "sessions", "posts", "comments", "tags", "post_tags", "page_views"})
                QVERIFY2(catalog->find(QStringLiteral("public"), QLatin1String(table)).isValid(), table);
            QCOMPARE(rowsOf(catalog, QStringLiteral("public"), QStringLiteral("page_views")), QStringLiteral("~2.0M"));
            QVERIFY(rowsOf(catalog, QStringLiteral("public"), QStringLiteral("users")).startsWith(QLatin1Char('~')));
            // drizzle's bookkeeping table holds the four applied migrations.
            QVERIFY(catalog->find(QStringLiteral("drizzle"), QStringLiteral("__drizzle_migrations")).isValid());
            QCOMPARE(window.stateText(), QStringLiteral("Connected"));
            QVERIFY(window.windowTitle().contains(QLatin1String("demo")));

            // Selecting a table shows its details from the schema model: columns, keys, and
            // the foreign keys of other tables that point at it.
            QTRY_VERIFY_WITH_TIMEOUT(!schemaLoaded.isEmpty(), 60000);
            QTreeView *sidebarView = window.sidebar()->view();
            const QModelIndexList posts = sidebarView->model()->match(
                sidebarView->model()->index(0, 0), CatalogModel::NameRole, QStringLiteral("posts"), 1,
                Qt::MatchExactly | Qt::MatchRecursive);
            QCOMPARE(posts.size(), 1);
            sidebarView->setCurrentIndex(posts.first());
            QTreeWidget *details = window.details()->tree();
            QStringList sections;
            for (int i = 0; i < details->topLevelItemCount(); ++i)
                sections << details->topLevelItem(i)->text(0).section(QStringLiteral(" ("), 0, 0);
            QVERIFY2(sections.contains(QLatin1String("Columns")), qPrintable(sections.join(',')));
            QVERIFY2(sections.contains(QLatin1String("Referenced by")), qPrintable(sections.join(',')));
            QVERIFY(sections.contains(QLatin1String("Foreign keys")));
            QVERIFY(sections.contains(QLatin1String("Indexes")));
            saveArtifact(&window, QStringLiteral("main-window-demo-details.png"));

            // The filter box narrows the tree.
            QTest::keyClicks(window.sidebar()->filterEdit(), QStringLiteral("page"));
            QTreeView *view = window.sidebar()->view();
            QTRY_VERIFY(view->model()->rowCount() >= 1);
            saveArtifact(&window, QStringLiteral("main-window-demo-filtered.png"));
            window.sidebar()->filterEdit()->clear();
            QTest::qWait(50);
            saveArtifact(&window, QStringLiteral("main-window-demo.png"));
            window.close();
        }
        // A second start reuses the demo as it is (no --fresh): quick, and the data is there.
        {
            MainWindow window;
            QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
            window.startDemo(false);
            QVERIFY(loaded.wait(120000));
            QCOMPARE(rowsOf(window.catalog(), QStringLiteral("public"), QStringLiteral("page_views")),
                     QStringLiteral("~2.0M"));
            window.close();
        }
        QDir(demoDir).removeRecursively();
    }

    void lostServerShowsABannerAndReconnectKeepsTheWindow()
    {
        test::TestCluster cluster;
        QString error;
        QVERIFY2(cluster.start(&error), qPrintable(error));
        QVERIFY2(cluster.runSql(QStringLiteral("CREATE TABLE kept (id int); CREATE SCHEMA other;"
                                               "CREATE TABLE other.t (id int);"), nullptr, &error),
                 qPrintable(error));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::catalogLoaded);
        window.openConnection(cluster.spec(QStringLiteral("postgres")), QStringLiteral("test server"));
        QVERIFY(loaded.wait(20000));
        QVERIFY(window.catalog()->find(QStringLiteral("public"), {}).isValid());
        // The user filters (which opens every match), then closes public's tables, selects "t".
        QTest::keyClicks(window.sidebar()->filterEdit(), QStringLiteral("e"));
        QTreeView *view = window.sidebar()->view();
        auto proxyIndex = [view](const QString &schema, const QString &name) {
            const QAbstractItemModel *model = view->model();
            QModelIndexList hits = model->match(model->index(0, 0), CatalogModel::SchemaRole, schema, -1,
                                                Qt::MatchExactly | Qt::MatchRecursive);
            for (const QModelIndex &hit : hits) {
                if (hit.data(CatalogModel::NameRole).toString() == name)
                    return hit;
            }
            return QModelIndex();
        };
        view->expandRecursively(proxyIndex(QStringLiteral("other"), QStringLiteral("other")), 1);
        const QModelIndex publicTables = proxyIndex(QStringLiteral("public"), QStringLiteral("kept")).parent();
        view->collapse(publicTables);
        view->setCurrentIndex(proxyIndex(QStringLiteral("other"), QStringLiteral("t")));

        cluster.cluster().stop();
        QTRY_COMPARE_WITH_TIMEOUT(window.stateText(), QStringLiteral("Connection lost"), 15000);
        auto *reconnect = window.findChild<QPushButton *>();
        QVERIFY(reconnect);
        QTRY_VERIFY(reconnect->isVisible());
        saveArtifact(&window, QStringLiteral("main-window-connection-lost.png"));
        // The window keeps what the user had: the tree and the filter text.
        QVERIFY(window.catalog()->find(QStringLiteral("public"), {}).isValid());
        QCOMPARE(window.sidebar()->filterEdit()->text(), QStringLiteral("e"));

        QVERIFY2(cluster.cluster().startAndWait(&error), qPrintable(error));
        loaded.clear();
        QTest::mouseClick(reconnect, Qt::LeftButton);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(window.stateText(), QStringLiteral("Connected"));
        QVERIFY(!reconnect->isVisible());
        QCOMPARE(window.sidebar()->filterEdit()->text(), QStringLiteral("e"));
        // The tree is as the user left it, though the model was rebuilt.
        QVERIFY(view->isExpanded(proxyIndex(QStringLiteral("other"), QStringLiteral("t")).parent()));
        QVERIFY(!view->isExpanded(proxyIndex(QStringLiteral("public"), QStringLiteral("kept")).parent()));
        QCOMPARE(view->currentIndex().data(CatalogModel::NameRole).toString(), QStringLiteral("t"));
        window.close();
    }
};

STRATA_TEST(MainWindowTest)
#include "MainWindowTest.moc"
