#include "TestRegistry.h"
#include "TestSpecs.h"
#include "WidgetTest.h"

#include "dialogs/ConnectionForm.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

#include <memory>

using namespace strata;
using namespace strata::test;

namespace {

const QString secret = QStringLiteral("s3cr3t-pw");

} // namespace

class ConnectionFormTest : public WidgetTest
{
    Q_OBJECT

private slots:
    void init()
    {
        m_form = std::make_unique<ConnectionForm>();
        m_form->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
        m_form->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            saveGrab(QStringLiteral("ConnectionForm-%1-failed.png")
                         .arg(QString::fromLatin1(QTest::currentTestFunction())));
        m_form.reset();
    }

    void typingUrlFillsFields_data() { urlRows(); }

    void typingUrlFillsFields()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, dbname);
        QFETCH(QString, user);
        QFETCH(QString, sslmode);
        QFETCH(QStringList, more);

        QTest::keyClicks(edit("url"), url);
        QVERIFY2(label("urlError")->isHidden(), qPrintable(label("urlError")->text()));
        QCOMPARE(edit("host")->text(), host);
        QCOMPARE(edit("port")->text(), port);
        QCOMPARE(edit("dbname")->text(), dbname);
        QCOMPARE(edit("user")->text(), user);
        QCOMPARE(combo("sslmode")->currentData().toString(), sslmode);
        const ConnectionSpec moreSpec = parsedSpec(edit("moreOptions")->text());
        QStringList moreItems;
        for (const QString &keyword : moreSpec.keywords())
            moreItems << keyword + QLatin1Char('=') + moreSpec.value(keyword);
        QCOMPARE(moreItems, more);
        QCOMPARE(specMap(m_form->spec()), specMap(parsedSpec(url)));
    }

    void urlRoundTripsThroughFields_data() { urlRows(); }

    void urlRoundTripsThroughFields()
    {
        QFETCH(QString, url);
        QTest::keyClicks(edit("url"), url);
        // An edit in a field rewrites the URL from the fields alone.
        QLineEdit *user = edit("user");
        user->setFocus();
        QTest::keyClick(user, Qt::Key_End);
        QTest::keyClicks(user, QStringLiteral("x"));
        QTest::keyClick(user, Qt::Key_Backspace);

        const QString rewritten = edit("url")->text();
        SpecError error;
        const ConnectionSpec back = ConnectionSpec::parse(rewritten, &error);
        QVERIFY2(error.isNull(), qPrintable(error.toString()));
        QCOMPARE(specMap(back), specMap(parsedSpec(url)));
        // The form the user typed is the form printed back.
        QCOMPARE(rewritten.startsWith(QStringLiteral("postgres")), url.startsWith(QStringLiteral("postgres")));
        if (!url.startsWith(QStringLiteral("postgres")))
            QCOMPARE(rewritten, parsedSpec(url).toKeywordValue());
    }

    void moreOptionsField()
    {
        QTest::keyClicks(edit("url"), QStringLiteral("postgresql://db.example.com/shop"));
        QTest::keyClicks(edit("moreOptions"), QStringLiteral("connect_timeout=5 application_name='my app'"));
        QCOMPARE(m_form->spec().value(QStringLiteral("connect_timeout")), QStringLiteral("5"));
        QCOMPARE(m_form->spec().value(QStringLiteral("application_name")), QStringLiteral("my app"));
        QVERIFY(edit("url")->text().contains(QStringLiteral("application_name=my%20app")));
        QVERIFY(label("moreOptionsError")->isHidden());

        // A keyword with a field of its own is refused here, and says where it goes.
        QTest::keyClicks(edit("moreOptions"), QStringLiteral(" port=1"));
        QVERIFY(!label("moreOptionsError")->isHidden());
        QVERIFY(label("moreOptionsError")->text().contains(QStringLiteral("port")));
        QCOMPARE(m_form->spec().port(), QString());

        replaceText(edit("moreOptions"), QString());
        QVERIFY(!m_form->spec().contains(QStringLiteral("connect_timeout")));
        QCOMPARE(edit("url")->text(), QStringLiteral("postgresql://db.example.com/shop"));
    }

    void malformedUrlShowsColumn_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("port not a number") << QStringLiteral("postgresql://alice@db.example.com:54x2/shop");
        QTest::newRow("unclosed IPv6 bracket") << QStringLiteral("postgresql://[::1/shop");
        QTest::newRow("bad percent escape") << QStringLiteral("postgresql://alice@host/sh%zzop");
        QTest::newRow("leading spaces count") << QStringLiteral("   postgresql://h:x/db");
        QTest::newRow("keyword without value") << QStringLiteral("host=db dbname");
    }

    void malformedUrlShowsColumn()
    {
        QFETCH(QString, url);
        SpecError expected;
        ConnectionSpec::parse(url, &expected);
        QVERIFY(!expected.isNull());
        QVERIFY2(expected.column > 0, qPrintable(expected.toString()));

        QTest::keyClicks(edit("url"), url);
        QLabel *error = label("urlError");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QStringLiteral("column %1").arg(expected.column)),
                 qPrintable(error->text()));
        QVERIFY(error->text().contains(expected.message));
        QVERIFY(error->text().contains(expected.source));
        // The text stays as typed, for the user to fix.
        QCOMPARE(edit("url")->text(), url);

        replaceText(edit("url"), QStringLiteral("postgresql://db.example.com/shop"));
        QVERIFY(error->isHidden());
        QCOMPARE(edit("host")->text(), QStringLiteral("db.example.com"));
    }

    void passwordStaysOutOfUrlField_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("hiddenWhileTyping");
        QTest::newRow("user info") << QStringLiteral("postgresql://alice:s3cr3t-pw@db.example.com/shop") << true;
        QTest::newRow("percent-encoded") << QStringLiteral("postgresql://alice:s3cr3t%2Dpw@db.example.com/shop") << true;
        QTest::newRow("query, then more")
            << QStringLiteral("postgresql://db.example.com/shop?password=s3cr3t-pw&sslmode=require") << true;
        QTest::newRow("key=value") << QStringLiteral("host=db.example.com password=s3cr3t-pw dbname=shop") << true;
        // Nothing marks the end of a password typed last, so it goes when the field is left.
        QTest::newRow("query, last") << QStringLiteral("postgresql://db.example.com/shop?password=s3cr3t-pw") << false;
    }

    void passwordStaysOutOfUrlField()
    {
        QFETCH(QString, url);
        QFETCH(bool, hiddenWhileTyping);
        QLineEdit *urlEdit = edit("url");
        urlEdit->setFocus();
        QTest::keyClicks(urlEdit, url);
        if (hiddenWhileTyping)
            QVERIFY2(!urlEdit->text().contains(QStringLiteral("s3cr3t")), qPrintable(urlEdit->text()));
        QTest::keyClick(urlEdit, Qt::Key_Tab);  // leave the field
        QVERIFY2(!urlEdit->text().contains(QStringLiteral("s3cr3t")), qPrintable(urlEdit->text()));
        QVERIFY(label("urlError")->isHidden());
        QCOMPARE(edit("password")->text(), secret);
        QCOMPARE(edit("password")->echoMode(), QLineEdit::Password);
        QCOMPARE(m_form->spec().password(), secret);
        QCOMPARE(edit("host")->text(), QStringLiteral("db.example.com"));
        QCOMPARE(edit("dbname")->text(), QStringLiteral("shop"));
        ConnectionSpec withoutPassword = parsedSpec(url);
        withoutPassword.remove(QStringLiteral("password"));
        QCOMPARE(specMap(parsedSpec(urlEdit->text())), specMap(withoutPassword));

        // Nor does it come back when a field rewrites the URL.
        replaceText(edit("port"), QStringLiteral("5434"));
        QVERIFY(!urlEdit->text().contains(QStringLiteral("s3cr3t")));
        QCOMPARE(m_form->spec().password(), secret);
    }

    void pastedPasswordIsCutAtOnce()
    {
        QLineEdit *urlEdit = edit("url");
        urlEdit->setFocus();
        QApplication::clipboard()->setText(QStringLiteral("host=db.example.com dbname=shop password=s3cr3t-pw"));
        if (QApplication::clipboard()->text().isEmpty())
            QSKIP("this platform plugin has no clipboard");
        QTest::keyClick(urlEdit, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(urlEdit->text(), QStringLiteral("host=db.example.com dbname=shop "));
        QCOMPARE(edit("password")->text(), secret);
    }

private:
    void urlRows()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("dbname");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("sslmode");
        QTest::addColumn<QStringList>("more");
        QTest::newRow("host port db user")
            << QStringLiteral("postgresql://alice@db.example.com:5433/shop")
            << QStringLiteral("db.example.com") << QStringLiteral("5433") << QStringLiteral("shop")
            << QStringLiteral("alice") << QString() << QStringList();
        QTest::newRow("IPv6 host")
            << QStringLiteral("postgresql://bob@[2001:db8::7]:6543/app?sslmode=require")
            << QStringLiteral("2001:db8::7") << QStringLiteral("6543") << QStringLiteral("app")
            << QStringLiteral("bob") << QStringLiteral("require") << QStringList();
        QTest::newRow("query params")
            << QStringLiteral("postgres://carol@localhost/inventory?sslmode=verify-full"
                              "&application_name=strata%20test&connect_timeout=7")
            << QStringLiteral("localhost") << QString() << QStringLiteral("inventory")
            << QStringLiteral("carol") << QStringLiteral("verify-full")
            << QStringList{QStringLiteral("application_name=strata test"),
                           QStringLiteral("connect_timeout=7")};
        QTest::newRow("socket folder in query")
            << QStringLiteral("postgresql:///mydb?host=/var/run/postgresql&port=5432")
            << QStringLiteral("/var/run/postgresql") << QStringLiteral("5432")
            << QStringLiteral("mydb") << QString() << QString() << QStringList();
        QTest::newRow("encoded user and db")
            << QStringLiteral("postgresql://d%40ve@h.example.com/my%20db")
            << QStringLiteral("h.example.com") << QString() << QStringLiteral("my db")
            << QStringLiteral("d@ve") << QString() << QStringList();
        QTest::newRow("key=value string")
            << QStringLiteral("host=db.internal port=6000 dbname='my db' user=dave sslmode=disable")
            << QStringLiteral("db.internal") << QStringLiteral("6000") << QStringLiteral("my db")
            << QStringLiteral("dave") << QStringLiteral("disable") << QStringList();
    }

    QWidget *widgetUnderTest() const override { return m_form.get(); }

    std::unique_ptr<ConnectionForm> m_form;
};

STRATA_TEST(ConnectionFormTest)

#include "ConnectionFormTest.moc"
