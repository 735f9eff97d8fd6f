// One click listener for many links (decision 016). A page with thousands of
// links (the progress grid: a cell per student per checkpoint) renders them as
// plain <a href> — a Remix <Link> costs a hook, a path resolution and a click
// handler each, which made the grid the slowest page on the server — and this
// listener on their container gives them Remix's client-side navigation back.
// Without JavaScript, or with a modifier key, a middle click or a target, the
// browser follows the link as usual.
import { useNavigate } from "@remix-run/react";
import { useEffect, type RefObject } from "react";

export function useDelegatedLinks(container: RefObject<HTMLElement | null>) {
  const navigate = useNavigate();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!(link instanceof HTMLAnchorElement) || !element.contains(link) || link.target || link.hasAttribute("download")) return;
      if (link.origin !== window.location.origin) return;
      event.preventDefault();
      navigate(`${link.pathname}${link.search}${link.hash}`);
    };
    element.addEventListener("click", onClick);
    return () => element.removeEventListener("click", onClick);
  }, [container, navigate]);
}
