import {
  createContext,
  type DragEvent,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

/**
 * Drag and drop onto a whole page (issue 15): a file dropped anywhere on the client page goes to
 * the client's documents, anywhere on a session note's page to that note's. The page spreads
 * `handlers` on its element and renders `overlay` (the visible drop target while a file is
 * dragged over it) and `provide(...)` around its content; the page's documents card registers
 * what a drop does (its own attach steps: the same checks and the same dialog as "Attach a
 * file"). Only files count: dragging text inside the note's fields is left to the browser.
 * Nothing but the dropped File objects is passed on; their bytes and names go to main, never a path.
 */

type DropHandler = (files: File[]) => void;

interface DropRegistry {
  register(handler: DropHandler | null): void;
}

const DropContext = createContext<DropRegistry | null>(null);

/** The documents card of a page says what a drop does there; null while it cannot take one. */
export function useDropHandler(handler: DropHandler | null): void {
  const registry = useContext(DropContext);
  const latest = useRef(handler);
  latest.current = handler;
  const enabled = handler !== null;
  useEffect(() => {
    if (!registry || !enabled) return;
    registry.register((files) => latest.current?.(files));
    return () => registry.register(null);
  }, [registry, enabled]);
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function usePageDrop(label: string) {
  const handler = useRef<DropHandler | null>(null);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag leaves the page.
  const depth = useRef(0);
  const [dragging, setDragging] = useState(false);
  const registry = useMemo<DropRegistry>(
    () => ({
      register(next) {
        handler.current = next;
      },
    }),
    [],
  );
  const accepts = (event: DragEvent) => carriesFiles(event) && handler.current !== null;

  const handlers = {
    onDragEnter(event: DragEvent) {
      if (!accepts(event)) return;
      event.preventDefault();
      depth.current += 1;
      setDragging(true);
    },
    onDragOver(event: DragEvent) {
      if (!accepts(event)) return;
      // Without this the drop is refused (and the browser would open the file instead).
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave(event: DragEvent) {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop(event: DragEvent) {
      if (!accepts(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      handler.current?.(Array.from(event.dataTransfer.files));
    },
  };

  const overlay = dragging ? (
    <div className="page-drop-overlay" data-testid="page-drop-target">
      <p className="page-drop-label">{label}</p>
    </div>
  ) : null;

  return {
    handlers,
    overlay,
    dragging,
    provide: (children: ReactNode) => (
      <DropContext.Provider value={registry}>{children}</DropContext.Provider>
    ),
  };
}
