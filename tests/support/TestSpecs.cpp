#include "TestSpecs.h"

#include <QTest>
#include <QtDebug>

namespace strata::test {

QStringList specItems(const ConnectionSpec &spec)
{
    QStringList result;
    for (const QString &keyword : spec.keywords())
        result << keyword + QLatin1Char('=') + spec.value(keyword);
    return result;
}

ConnectionSpec specOf(const QStringList &pairs)
{
    ConnectionSpec spec;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        spec.setValue(pair.left(eq), pair.mid(eq + 1));
    }
    return spec;
}

QMap<QString, QString> specMap(const ConnectionSpec &spec)
{
    QMap<QString, QString> map;
    for (const QString &keyword : spec.keywords())
        map.insert(keyword, spec.value(keyword));
    return map;
}

ConnectionSpec parsedSpec(const QString &text)
{
    SpecError error;
    const ConnectionSpec spec = ConnectionSpec::parse(text, &error);
    if (!error.isNull())
        qWarning("does not parse: %s", qPrintable(error.toString()));
    return spec;
}

void addParseErrorColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");  // a piece of the message
}

void verifyParseError(ConnectionSpec (*parse)(const QString &text, SpecError *error))
{
    QFETCH(QString, text);
    QFETCH(QString, source);
    QFETCH(int, column);
    QFETCH(QString, reason);
    SpecError error;
    const ConnectionSpec spec = parse(text, &error);
    QVERIFY(spec.isEmpty());
    QVERIFY(!error.isNull());
    QCOMPARE(error.source, source);
    QCOMPARE(error.line, 0);
    QCOMPARE(error.column, column);
    QVERIFY2(error.message.contains(reason), qPrintable(error.message));
    QVERIFY(error.toString().startsWith(source + QLatin1Char(':') + QString::number(column)
                                        + QLatin1String(": ")));
}

QProcessEnvironment environmentOf(const QStringList &variables)
{
    QProcessEnvironment env;
    for (const QString &variable : variables) {
        const qsizetype eq = variable.indexOf(QLatin1Char('='));
        env.insert(variable.left(eq), variable.mid(eq + 1));
    }
    return env;
}

QString describe(const QList<SpecError> &warnings)
{
    QStringList lines;
    for (const SpecError &warning : warnings)
        lines << warning.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace strata::test
