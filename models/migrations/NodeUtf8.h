#pragma once

#include <QByteArray>
#include <QString>

namespace strata {

// Decodes bytes the way Node's `Buffer.toString()` does (WHATWG UTF-8: every maximal invalid
// subsequence becomes one U+FFFD, a BOM is kept), because drizzle hashes and sends that text.
class NodeUtf8
{
public:
    struct Decoded {
        QByteArray utf8;  // the text re-encoded: what drizzle hashes and sends
        QString text;
        int invalidSequences = 0;         // how many U+FFFD were put in
        qsizetype firstInvalidByte = -1;  // offset in the input of the first bad byte; -1 if none
        bool isValid() const { return invalidSequences == 0; }
    };

    static Decoded decode(const QByteArray &bytes);
    // Lower-case hex SHA-256 of decode(bytes).utf8: drizzle's `hash` column for a file.
    static QByteArray sha256Hex(const QByteArray &bytes);
};

} // namespace strata
