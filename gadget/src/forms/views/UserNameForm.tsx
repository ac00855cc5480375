/** "Wiki user name" and a button: adding a representative or a coordinator by name. */
import { useState } from "preact/hooks";
import { useStore } from "../../state/context.ts";

export function UserNameForm({
  id,
  button,
  onSubmit,
}: {
  id: string;
  button: string;
  /** Gets the trimmed name and a function that empties the field (after the action worked). */
  onSubmit: (user: string, clear: () => void) => void;
}) {
  const { i18n } = useStore();
  const [username, setUsername] = useState("");
  return (
    <form
      class="partnerhub-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const user = username.trim();
        if (user) onSubmit(user, () => setUsername(""));
      }}
    >
      <label for={id}>{i18n.t("partnerhub-representatives-user")}</label>
      <div class="cdx-text-input">
        <input
          id={id}
          class="cdx-text-input__input"
          dir="auto"
          value={username}
          onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="cdx-button" disabled={username.trim() === ""}>
        {button}
      </button>
    </form>
  );
}
