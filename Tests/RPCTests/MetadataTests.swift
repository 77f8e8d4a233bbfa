import Testing
@testable import RPC

@Suite struct MetadataTests {
    @Test func keepsOrderAndRepeatsAndLowercasesKeys() {
        var m = Metadata()
        m.add("X-Trace", "1")
        m.add("x-trace", "2")
        m.add("other", "3")
        m.add("blob-bin", binary: [0, 255])
        #expect(m.values("x-trace") == ["1", "2"])
        #expect(m.first("X-TRACE") == "1")
        #expect(m.map(\.key) == ["x-trace", "x-trace", "other", "blob-bin"])
        #expect(m.binaryValues("blob-bin") == [[0, 255]])
        m.replace("x-trace", "9")
        #expect(m.values("x-trace") == ["9"])
    }

    @Test func binaryValuesAcceptPaddedAndUnpaddedBase64() {
        var m = Metadata()
        let accepted = [("a-bin", "AAH/"), ("b-bin", "AAE="), ("c-bin", "AAE"), ("d-bin", "A$==")].map {
            m.addWireValue(key: $0.0, value: $0.1)
        }
        #expect(accepted == [true, true, true, false])
        #expect(m.binaryValues("a-bin") == [[0, 1, 255]])
        #expect(m.binaryValues("b-bin") == [[0, 1]])
        #expect(m.binaryValues("c-bin") == [[0, 1]])
        #expect(m.binaryValues("d-bin").isEmpty)
        #expect(Metadata.Value.binary([0, 1]).wireValue == "AAE")
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors: [(String, String)] = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
            #expect(Base64.decode(String(encoded.prefix { $0 != "=" })) == Array(plain.utf8))
        }
        #expect(Base64.decode("Z") == nil)
        #expect(Base64.decode("Zh==") == nil, "non-zero leftover bits")
    }
}
