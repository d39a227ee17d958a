#include "TestRegistry.h"
#include "TestSpecs.h"
#include "WidgetTest.h"

#include "dialogs/ConnectionDialog.h"
#include "pg/PasswordStore.h"
#include "pg/SavedConnections.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <memory>
#include <optional>

using namespace strata;
using namespace strata::test;

namespace {

const QString secret = QStringLiteral("s3cr3t-pw");

} // namespace

// The URL field and the fields on their own are ConnectionFormTest's; these rows are about
// the dialog around them: the list, the keyring, Test, project folders and Connect.
class ConnectionDialogTest : public WidgetTest
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_ini = m_dir->filePath(QStringLiteral("strata.ini"));
        m_saved = std::make_unique<SavedConnections>(m_ini);
        m_passwords = std::make_unique<PasswordStore>();
        // Never touch the keyring of whoever runs the tests.
        m_passwords->disable(QStringLiteral("No keyring in tests."));
        m_dialog = std::make_unique<ConnectionDialog>(*m_saved, *m_passwords);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            saveGrab(QStringLiteral("ConnectionDialog-%1-failed.png")
                         .arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_dialog.reset();
        m_passwords.reset();
        m_saved.reset();
        m_dir.reset();
    }

    void editingPortRewritesUrl()
    {
        QTest::keyClicks(edit("url"), QStringLiteral("postgresql://alice@db.example.com:5433/shop"));
        replaceText(edit("port"), QStringLiteral("6000"));
        QCOMPARE(edit("url")->text(), QStringLiteral("postgresql://alice@db.example.com:6000/shop"));
        QCOMPARE(m_dialog->spec().port(), QStringLiteral("6000"));

        replaceText(edit("port"), QString());
        QCOMPARE(edit("url")->text(), QStringLiteral("postgresql://alice@db.example.com/shop"));

        // Fields filled in any order still print as an ordinary URL, not as "?user=…".
        m_dialog->findChild<QPushButton *>(QStringLiteral("newButton"))->click();
        QTest::keyClicks(edit("dbname"), QStringLiteral("shop"));
        QTest::keyClicks(edit("host"), QStringLiteral("::1"));
        QTest::keyClicks(edit("user"), QStringLiteral("alice"));
        QTest::keyClicks(edit("port"), QStringLiteral("5433"));
        QCOMPARE(edit("url")->text(), QStringLiteral("postgresql://alice@[::1]:5433/shop"));
    }

    void keyringUnavailableDisablesCheckBox()
    {
        QCheckBox *box = m_dialog->findChild<QCheckBox *>(QStringLiteral("savePassword"));
        QVERIFY(box);
        QVERIFY(!box->isEnabled());
        QVERIFY(!box->isChecked());
        QVERIFY2(box->toolTip().contains(QStringLiteral("No keyring in tests.")), qPrintable(box->toolTip()));

        m_passwords->disable(QStringLiteral("Turned off for a second reason."));
        QVERIFY(box->toolTip().contains(QStringLiteral("Turned off for a second reason.")));
    }

    void saveSelectAndConnect()
    {
        QTest::keyClicks(edit("url"),
                         QStringLiteral("postgresql://alice:s3cr3t-pw@db.example.com:5433/shop?sslmode=require"));
        QTest::keyClicks(edit("name"), QStringLiteral("Shop"));
        QCheckBox *production = m_dialog->findChild<QCheckBox *>(QStringLiteral("production"));
        QTest::mouseClick(production, Qt::LeftButton);
        QVERIFY(production->isChecked());
        QTest::mouseClick(button("saveButton"), Qt::LeftButton);

        const QList<SavedConnection> list = m_saved->list();
        QCOMPARE(list.size(), 1);
        const SavedConnection entry = list.first();
        QCOMPARE(entry.name, QStringLiteral("Shop"));
        QVERIFY(entry.production);
        QVERIFY(!entry.savePassword);
        QVERIFY(!entry.spec.hasPassword());
        QCOMPARE(entry.spec.host(), QStringLiteral("db.example.com"));
        QCOMPARE(m_dialog->savedId(), entry.id);
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret.toUtf8()));

        QTreeWidgetItem *item = listItem(entry.id);
        QVERIFY(item);
        QVERIFY(item->text(0).contains(QStringLiteral("Shop")));

        // New empties the form; a click on the entry fills it again.
        QTest::mouseClick(button("newButton"), Qt::LeftButton);
        QCOMPARE(edit("url")->text(), QString());
        QCOMPARE(edit("host")->text(), QString());
        QVERIFY(!production->isChecked());
        QVERIFY(m_dialog->savedId().isEmpty());

        clickItem(entry.id);
        QCOMPARE(m_dialog->savedId(), entry.id);
        QCOMPARE(edit("name")->text(), QStringLiteral("Shop"));
        QCOMPARE(edit("port")->text(), QStringLiteral("5433"));
        QCOMPARE(combo("sslmode")->currentData().toString(), QStringLiteral("require"));
        QVERIFY(production->isChecked());
        QVERIFY(m_dialog->isProduction());
        QCOMPARE(edit("password")->text(), QString());  // not saved: asked for each time

        // Double-click connects and records the use.
        QTest::keyClicks(edit("password"), secret);
        doubleClickItem(entry.id);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QCOMPARE(m_dialog->savedId(), entry.id);
        QCOMPARE(m_dialog->spec().password(), secret);
        QCOMPARE(m_saved->recent(5).size(), 1);
        QCOMPARE(m_saved->recent(5).first().id, entry.id);
    }

    void connectRecordsRecent()
    {
        QTest::keyClicks(edit("url"), QStringLiteral("postgresql://bob@localhost/scratch"));
        QTest::mouseClick(button("connectButton"), Qt::LeftButton);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(m_saved->list().isEmpty());  // used, not saved
        const QList<SavedConnection> recent = m_saved->recent(5);
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first().id, m_dialog->savedId());
        QCOMPARE(recent.first().spec.dbname(), QStringLiteral("scratch"));
        QVERIFY(!m_dialog->isProduction());
    }

    void productionMarkOnSameTargetWins()
    {
        SavedConnection prod;
        prod.name = QStringLiteral("Prod");
        prod.saved = true;
        prod.production = true;
        prod.spec = parsedSpec(QStringLiteral("postgresql://app@prod.example.com/app"));
        const QString id = m_saved->save(prod);
        // Typed by hand, not picked: still the production database.
        QTest::keyClicks(edit("url"), QStringLiteral("postgresql://app@prod.example.com/app"));
        QVERIFY(!m_dialog->isProduction());
        QTest::mouseClick(button("connectButton"), Qt::LeftButton);
        QCOMPARE(m_dialog->savedId(), id);
        QVERIFY(m_dialog->isProduction());
    }

    void deleteEntry()
    {
        SavedConnection entry;
        entry.name = QStringLiteral("Old");
        entry.saved = true;
        entry.spec = parsedSpec(QStringLiteral("postgresql://old.example.com/old"));
        const QString id = m_saved->save(entry);
        QVERIFY(m_dialog->selectSaved(id));
        QCOMPARE(edit("host")->text(), QStringLiteral("old.example.com"));
        QVERIFY(button("deleteButton")->isEnabled());
        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QVERIFY(!m_saved->find(id));
        QVERIFY(!listItem(id));
        QVERIFY(m_dialog->savedId().isEmpty());
        QVERIFY(!button("deleteButton")->isEnabled());
        QCOMPARE(edit("host")->text(), QStringLiteral("old.example.com"));  // Save undoes it
    }

    void testButtonShowsFailureWithoutServer()
    {
        // A socket folder that does not exist fails at once, with no server involved.
        QTest::keyClicks(edit("url"), QStringLiteral("host=/nonexistent/strata-test port=1 dbname=x"));
        QPushButton *test = button("testButton");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY(test->isEnabled());
        QCOMPARE(test->text(), QStringLiteral("Test"));
        QVERIFY(button("cancelTestButton")->isHidden());
        QVERIFY(!label("testResult")->isHidden());
        QVERIFY2(label("testResult")->text().contains(QStringLiteral("/nonexistent/strata-test")),
                 qPrintable(label("testResult")->text()));
        saveGrab(QStringLiteral("ConnectionDialog-test-failed.png"));
    }

    void testCanBeCancelled()
    {
        QTest::keyClicks(edit("url"), QStringLiteral("host=/nonexistent/strata-test port=1 dbname=x"));
        QPushButton *test = button("testButton");
        QTest::mouseClick(test, Qt::LeftButton);
        // Before the worker could answer: the click handler changed the button at once.
        QVERIFY(!test->isEnabled());
        QVERIFY(test->text().startsWith(QStringLiteral("Testing")));
        QVERIFY(!button("cancelTestButton")->isHidden());
        QTest::mouseClick(button("cancelTestButton"), Qt::LeftButton);
        QVERIFY(test->isEnabled());
        QVERIFY(button("cancelTestButton")->isHidden());
        const QString cancelled = label("testResult")->text();
        // The abandoned attempt ends on its own and must not touch the dialog.
        QTest::qWait(300);
        QCOMPARE(label("testResult")->text(), cancelled);
    }

    void projectFolderFillsFields_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("dotEnv");
        QTest::addColumn<QString>("source");       // in the info line
        QTest::addColumn<QString>("warning");      // in the info line; empty: none expected
        QTest::newRow("literal URL")
            << QStringLiteral("import { defineConfig } from \"drizzle-kit\";\n\n"
                              "export default defineConfig({\n"
                              "  dialect: \"postgresql\",\n"
                              "  schema: \"./src/db/schema.ts\",\n"
                              "  out: \"./drizzle\",\n"
                              "  dbCredentials: { url: \"postgresql://app:s3cr3t-pw@db.example.com:5432/appdb\" },\n"
                              "});\n")
            << QString() << QStringLiteral("drizzle.config.ts") << QString();
        QTest::newRow("DATABASE_URL from .env, with a warning")
            << QStringLiteral("import { defineConfig } from \"drizzle-kit\";\n\n"
                              "export default defineConfig({\n"
                              "  dialect: \"postgresql\",\n"
                              "  schema: schemaFiles(),\n"
                              "  out: \"./drizzle\",\n"
                              "  dbCredentials: { url: process.env.DATABASE_URL! },\n"
                              "});\n")
            << QStringLiteral("DATABASE_URL=postgresql://app:s3cr3t-pw@db.example.com:5432/appdb\n")
            << QStringLiteral(".env") << QStringLiteral("drizzle.config.ts:5:");
    }

    void projectFolderFillsFields()
    {
        QFETCH(QString, config);
        QFETCH(QString, dotEnv);
        QFETCH(QString, source);
        QFETCH(QString, warning);
        // The process environment wins over .env, as with drizzle-kit: keep it out.
        const QByteArray oldUrl = qgetenv("DATABASE_URL");
        qunsetenv("DATABASE_URL");
        const auto restore = qScopeGuard([&] {
            if (!oldUrl.isNull())
                qputenv("DATABASE_URL", oldUrl);
        });
        QTemporaryDir project;
        QVERIFY(project.isValid());
        const auto write = [&](const QString &name, const QString &text) {
            QFile file(project.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text.toUtf8());
        };
        write(QStringLiteral("drizzle.config.ts"), config);
        if (!dotEnv.isEmpty())
            write(QStringLiteral(".env"), dotEnv);

        QVERIFY(m_dialog->openProjectFolder(project.path()));
        QCOMPARE(edit("host")->text(), QStringLiteral("db.example.com"));
        QCOMPARE(edit("dbname")->text(), QStringLiteral("appdb"));
        QCOMPARE(edit("password")->text(), secret);
        QVERIFY(!edit("url")->text().contains(QStringLiteral("s3cr3t")));
        QCOMPARE(QDir(m_dialog->projectFolder()).canonicalPath(), QDir(project.path()).canonicalPath());
        QCOMPARE(edit("name")->text(), QDir(project.path()).dirName());
        const QString info = label("projectInfo")->text();
        QVERIFY(!label("projectInfo")->isHidden());
        QVERIFY2(info.contains(source), qPrintable(info));
        if (!warning.isEmpty())
            QVERIFY2(info.contains(warning), qPrintable(info));
        else
            QVERIFY2(!info.contains(QStringLiteral("Warning")), qPrintable(info));
        saveGrab(QStringLiteral("ConnectionDialog-project-%1.png").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));

        // Connect records the project folder with the use.
        QTest::mouseClick(button("connectButton"), Qt::LeftButton);
        QCOMPARE(m_saved->find(m_dialog->savedId())->projectFolder, m_dialog->projectFolder());
    }

    void unreadableProjectFolderLeavesFields()
    {
        QTest::keyClicks(edit("url"), QStringLiteral("postgresql://db.example.com/shop"));
        QVERIFY(!m_dialog->openProjectFolder(m_dir->filePath(QStringLiteral("no-such-folder"))));
        QVERIFY(!label("projectInfo")->isHidden());
        QVERIFY(!label("projectInfo")->text().isEmpty());
        QCOMPARE(edit("host")->text(), QStringLiteral("db.example.com"));
        QVERIFY(m_dialog->projectFolder().isEmpty());
    }

    void screenshot()
    {
        SavedConnection prod;
        prod.name = QStringLiteral("Shop");
        prod.saved = true;
        prod.production = true;
        prod.spec = parsedSpec(QStringLiteral("postgresql://app@db.example.com:5432/shop?sslmode=verify-full"));
        m_saved->save(prod);
        SavedConnection local;
        local.name = QStringLiteral("Local dev");
        local.saved = true;
        local.spec = parsedSpec(QStringLiteral("postgresql://dev@localhost/shop_dev"));
        m_saved->markUsed(m_saved->save(local));
        SavedConnection recent;
        recent.spec = parsedSpec(QStringLiteral("postgresql://alice@[::1]:6543/scratch"));
        m_saved->addRecent(recent);
        m_dialog.reset();
        m_dialog = std::make_unique<ConnectionDialog>(*m_saved, *m_passwords);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));

        QTest::keyClicks(edit("url"),
                         QStringLiteral("postgresql://alice:s3cr3t-pw@db.example.com:5433/shop?sslmode=require&application_name=strata"));
        QTest::keyClicks(edit("name"), QStringLiteral("Shop staging"));
        edit("url")->setCursorPosition(0);  // show the start of the URL, not its end
        QVERIFY(saveGrab(QStringLiteral("ConnectionDialog.png")));

        replaceText(edit("url"), QStringLiteral("postgresql://alice@db.example.com:54x2/shop"));
        QVERIFY(saveGrab(QStringLiteral("ConnectionDialog-url-error.png")));
    }

private:
    QWidget *widgetUnderTest() const override { return m_dialog.get(); }

    QTreeWidget *tree() const
    {
        return m_dialog->findChild<QTreeWidget *>(QStringLiteral("connectionList"));
    }

    QTreeWidgetItem *listItem(const QString &id) const
    {
        for (QTreeWidgetItemIterator it(tree()); *it; ++it) {
            if ((*it)->data(0, Qt::UserRole).toString() == id)
                return *it;
        }
        return nullptr;
    }

    void clickItem(const QString &id)
    {
        QTreeWidgetItem *item = listItem(id);
        QVERIFY(item);
        const QRect rect = tree()->visualItemRect(item);
        QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    void doubleClickItem(const QString &id)
    {
        QTreeWidgetItem *item = listItem(id);
        QVERIFY(item);
        const QRect rect = tree()->visualItemRect(item);
        QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    std::optional<QTemporaryDir> m_dir;
    QString m_ini;
    std::unique_ptr<SavedConnections> m_saved;
    std::unique_ptr<PasswordStore> m_passwords;
    std::unique_ptr<ConnectionDialog> m_dialog;
};

STRATA_TEST(ConnectionDialogTest)

#include "ConnectionDialogTest.moc"
