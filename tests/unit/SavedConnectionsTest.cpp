#include "TestRegistry.h"

#include "pg/SavedConnections.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <optional>

using namespace strata;

namespace {

const QString secret = QStringLiteral("pa55-Wörd:@/?&'\"");

ConnectionSpec makeSpec(const QString &host, const QString &dbname)
{
    ConnectionSpec spec;
    spec.setValue(QStringLiteral("host"), host);
    spec.setValue(QStringLiteral("port"), QStringLiteral("5433"));
    spec.setValue(QStringLiteral("dbname"), dbname);
    spec.setValue(QStringLiteral("user"), QStringLiteral("alice"));
    return spec;
}

SavedConnection makeEntry(const QString &name, const QString &host = QStringLiteral("db.example.com"))
{
    SavedConnection entry;
    entry.name = name;
    entry.spec = makeSpec(host, name.toLower());
    entry.saved = true;
    return entry;
}

QStringList ids(const QList<SavedConnection> &entries)
{
    QStringList result;
    for (const SavedConnection &entry : entries)
        result << entry.id;
    return result;
}

} // namespace

class SavedConnectionsTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        m_ini = m_dir->filePath(QStringLiteral("strata.ini"));
    }

    void cleanup() { m_dir.reset(); }

    void saveAndLoad()
    {
        SavedConnection entry = makeEntry(QStringLiteral("Shop"));
        // Values that a conninfo string would need to quote or escape.
        entry.spec.setValue(QStringLiteral("application_name"), QStringLiteral("a, b 'c' \\d=e"));
        entry.spec.setValue(QStringLiteral("options"), QStringLiteral("-c search_path=x,y"));
        entry.savePassword = true;
        entry.projectFolder = QStringLiteral("/home/alice/src/shop");
        QString id;
        {
            SavedConnections saved(m_ini);
            id = saved.save(entry);
            QVERIFY(!id.isEmpty());
            QVERIFY(!QUuid::fromString(id).isNull());
        }
        SavedConnections reopened(m_ini);
        const std::optional<SavedConnection> loaded = reopened.find(id);
        QVERIFY(loaded);
        entry.id = id;
        QCOMPARE(loaded->spec.keywords(), entry.spec.keywords());
        QCOMPARE(*loaded, entry);
        QCOMPARE(reopened.list().size(), 1);
        QVERIFY(!reopened.find(QStringLiteral("no-such-id")));
        QVERIFY(!reopened.find(QString()));
    }

    void settingsObjectConstructor()
    {
        QSettings settings(m_ini, QSettings::IniFormat);
        SavedConnections saved(settings);
        const QString id = saved.save(makeEntry(QStringLiteral("Shop")));
        QVERIFY(settings.childGroups().contains(QStringLiteral("connections")));
        QCOMPARE(saved.find(id)->name, QStringLiteral("Shop"));
    }

    void update()
    {
        SavedConnections saved(m_ini);
        SavedConnection entry = makeEntry(QStringLiteral("Shop"));
        entry.projectFolder = QStringLiteral("/tmp/project");
        entry.id = saved.save(entry);
        entry.name = QStringLiteral("Shop (staging)");
        entry.spec.setValue(QStringLiteral("port"), QStringLiteral("6543"));
        entry.projectFolder.clear();  // a key that must not linger
        QCOMPARE(saved.save(entry), entry.id);
        QCOMPARE(saved.list().size(), 1);
        QCOMPARE(*saved.find(entry.id), entry);
    }

    void remove()
    {
        SavedConnections saved(m_ini);
        const QString a = saved.save(makeEntry(QStringLiteral("A")));
        const QString b = saved.save(makeEntry(QStringLiteral("B")));
        QVERIFY(saved.remove(a));
        QVERIFY(!saved.remove(a));
        QVERIFY(!saved.find(a));
        QCOMPARE(ids(saved.list()), QStringList{b});
        saved.sync();
        QCOMPARE(ids(SavedConnections(m_ini).list()), QStringList{b});
    }

    void listIsSortedByName()
    {
        SavedConnections saved(m_ini);
        saved.save(makeEntry(QStringLiteral("Zeta")));
        saved.save(makeEntry(QStringLiteral("alpha")));
        saved.save(makeEntry(QStringLiteral("Beta")));
        saved.save(makeEntry(QStringLiteral("db10")));
        saved.save(makeEntry(QStringLiteral("db2")));
        QStringList names;
        for (const SavedConnection &entry : saved.list())
            names << entry.name;
        QCOMPARE(names, (QStringList{QStringLiteral("alpha"), QStringLiteral("Beta"),
                                     QStringLiteral("db2"), QStringLiteral("db10"),
                                     QStringLiteral("Zeta")}));
    }

    void recentsMostRecentFirst()
    {
        SavedConnections saved(m_ini);
        const QString a = saved.save(makeEntry(QStringLiteral("A")));
        const QString b = saved.save(makeEntry(QStringLiteral("B")));
        const QString c = saved.save(makeEntry(QStringLiteral("C")));
        saved.save(makeEntry(QStringLiteral("Never used")));
        QVERIFY(saved.recent(10).isEmpty());
        // Within one millisecond, on purpose: order must not depend on the clock's grain.
        QVERIFY(saved.markUsed(a));
        QVERIFY(saved.markUsed(c));
        QVERIFY(saved.markUsed(b));
        QVERIFY(saved.markUsed(c));
        QVERIFY(!saved.markUsed(QStringLiteral("no-such-id")));
        QCOMPARE(ids(saved.recent(10)), (QStringList{c, b, a}));
        QCOMPARE(ids(saved.recent(2)), (QStringList{c, b}));
        QVERIFY(saved.recent(0).isEmpty());
        saved.sync();
        QCOMPARE(ids(SavedConnections(m_ini).recent(10)), (QStringList{c, b, a}));
    }

    void recentsDeduplicated()
    {
        SavedConnections saved(m_ini);
        SavedConnection prod = makeEntry(QStringLiteral("Prod"));
        const QString first = saved.save(prod);
        prod.name = QStringLiteral("Prod again");
        prod.id.clear();
        const QString second = saved.save(prod);  // same spec, saved twice
        const QString other = saved.save(makeEntry(QStringLiteral("Other")));
        saved.markUsed(first);
        saved.markUsed(other);
        saved.markUsed(second);
        QCOMPARE(ids(saved.recent(10)), (QStringList{second, other}));

        // The same database typed by hand (with a password) lands on the saved entry.
        SavedConnection typed;
        typed.spec = prod.spec;
        typed.spec.setValue(QStringLiteral("password"), secret);
        const QString used = saved.addRecent(typed);
        QVERIFY(used == first || used == second);
        QCOMPARE(saved.recent(10).size(), 2);
        QCOMPARE(saved.recent(10).first().id, used);
    }

    void addRecentKeepsUnsavedEntriesOutOfList()
    {
        SavedConnections saved(m_ini);
        const QString named = saved.save(makeEntry(QStringLiteral("Named")));
        SavedConnection adHoc;
        adHoc.spec = makeSpec(QStringLiteral("10.0.0.7"), QStringLiteral("scratch"));
        adHoc.production = true;
        const QString id = saved.addRecent(adHoc);
        QCOMPARE(saved.addRecent(adHoc), id);  // again: the same entry, not a second one
        QCOMPARE(ids(saved.list()), QStringList{named});
        QCOMPARE(ids(saved.recent(10)), QStringList{id});
        const std::optional<SavedConnection> entry = saved.find(id);
        QVERIFY(entry);
        QVERIFY(!entry->saved);
        QVERIFY(entry->production);
        QCOMPARE(entry->spec, adHoc.spec);

        // A different project folder is a different recent.
        adHoc.projectFolder = QStringLiteral("/srv/app");
        QVERIFY(saved.addRecent(adHoc) != id);
        QCOMPARE(saved.recent(10).size(), 2);
    }

    void recentOnlyEntriesArePruned()
    {
        SavedConnections saved(m_ini);
        const QString named = saved.save(makeEntry(QStringLiteral("Named")));
        saved.markUsed(named);
        QString last;
        for (int i = 0; i < 30; ++i) {
            SavedConnection adHoc;
            adHoc.spec = makeSpec(QStringLiteral("host%1").arg(i), QStringLiteral("db"));
            last = saved.addRecent(adHoc);
        }
        const QList<SavedConnection> recents = saved.recent(100);
        QCOMPARE(recents.first().id, last);
        // 20 recent-only entries are kept; the saved one never goes.
        QCOMPARE(recents.size(), 21);
        QCOMPARE(recents.last().id, named);
    }

    void passwordNeverReachesTheSettingsFile()
    {
        QString id;
        {
            SavedConnections saved(m_ini);
            SavedConnection entry = makeEntry(QStringLiteral("Shop"));
            entry.spec.setValue(QStringLiteral("password"), secret);
            entry.savePassword = true;
            id = saved.save(entry);
            QVERIFY(!saved.find(id)->spec.hasPassword());

            SavedConnection adHoc;
            adHoc.spec = makeSpec(QStringLiteral("other.example.com"), QStringLiteral("x"));
            adHoc.spec.setValue(QStringLiteral("password"), secret);
            const QString recentId = saved.addRecent(adHoc);
            QVERIFY(!saved.find(recentId)->spec.hasPassword());
            saved.markUsed(id);
            saved.sync();
        }
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("db.example.com"));  // the file is the one written
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains("pa55"));
        QVERIFY(!bytes.contains(QUrl::toPercentEncoding(secret)));
        QVERIFY(!SavedConnections(m_ini).find(id)->spec.hasPassword());
    }

    void productionFlagRoundTrip_data()
    {
        QTest::addColumn<bool>("production");
        QTest::addColumn<bool>("savePassword");
        QTest::newRow("production") << true << false;
        QTest::newRow("not production") << false << true;
    }

    void productionFlagRoundTrip()
    {
        QFETCH(bool, production);
        QFETCH(bool, savePassword);
        SavedConnection entry = makeEntry(QStringLiteral("Shop"));
        entry.production = production;
        entry.savePassword = savePassword;
        QString id;
        {
            SavedConnections saved(m_ini);
            id = saved.save(entry);
        }
        std::optional<SavedConnection> loaded = SavedConnections(m_ini).find(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->production, production);
        QCOMPARE(loaded->savePassword, savePassword);

        // Flipping it is an update like any other.
        {
            SavedConnections saved(m_ini);
            loaded->production = !production;
            saved.save(*loaded);
        }
        QCOMPARE(SavedConnections(m_ini).find(id)->production, !production);
    }

    void displayNameFallsBackToSpec()
    {
        SavedConnection entry;
        entry.spec = makeSpec(QStringLiteral("db.example.com"), QStringLiteral("shop"));
        QCOMPARE(entry.displayName(), entry.spec.displayName());
        entry.name = QStringLiteral("Shop");
        QCOMPARE(entry.displayName(), QStringLiteral("Shop"));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    QString m_ini;
};

STRATA_TEST(SavedConnectionsTest)

#include "SavedConnectionsTest.moc"
