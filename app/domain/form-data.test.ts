import { describe, expect, it } from "vitest";
import { withoutFormControls } from "~/domain/form-data";

describe("withoutFormControls", () => {
  it("drops Conform's control fields and keeps the rest", () => {
    const data = new FormData();
    data.append("name", "Unit slip");
    data.append("__intent__", "{bad");
    data.append("__state__", "{bad");
    expect([...withoutFormControls(data).entries()]).toEqual([["name", "Unit slip"]]);
  });
});
