import { describe, expect, it } from "vitest";
import { cleanFormData, cleanFormText, withoutFormControls } from "~/domain/form-data";

describe("withoutFormControls", () => {
  it("drops Conform's control fields and keeps the rest", () => {
    const data = new FormData();
    data.append("name", "Unit slip");
    data.append("__intent__", "{bad");
    data.append("__state__", "{bad");
    expect([...withoutFormControls(data).entries()]).toEqual([["name", "Unit slip"]]);
  });
});

describe("cleanFormText", () => {
  it("removes NUL and other control characters, keeps tabs and line breaks", () => {
    expect(cleanFormText("a\u0000b\u0007c\u001b[31m\u007fd")).toBe("abc[31md");
    expect(cleanFormText("line one\r\nline two\tend")).toBe("line one\r\nline two\tend");
  });

  it("removes direction overrides, embeddings and isolates, keeps right-to-left text and its marks", () => {
    expect(cleanFormText("\u202Egnp.exe\u202C")).toBe("gnp.exe");
    expect(cleanFormText("\u2066x\u2069 \u202Dy\u202A\u202B")).toBe("x y");
    expect(cleanFormText("مرحبا \u200Fשלום\u200E")).toBe("مرحبا \u200Fשלום\u200E");
  });

  it("turns a lone surrogate into U+FFFD and keeps whole pairs (emoji)", () => {
    expect(cleanFormText("a\uD800b\uDC00c")).toBe("a\uFFFDb\uFFFDc");
    expect(cleanFormText("👩‍👩‍👧‍👦 🏳️‍🌈")).toBe("👩‍👩‍👧‍👦 🏳️‍🌈");
  });

  it("keeps combining marks and markup as typed (pages escape markup when they show it)", () => {
    expect(cleanFormText("e\u0301\u0308")).toBe("e\u0301\u0308");
    expect(cleanFormText("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});

describe("cleanFormData", () => {
  it("cleans names and values, and leaves files out", () => {
    const data = new FormData();
    data.append("title\u0000", "Forces\u0000");
    data.append("attachment", new File(["x"], "x.txt"));
    expect([...cleanFormData(data).entries()]).toEqual([["title", "Forces"]]);
  });
});
