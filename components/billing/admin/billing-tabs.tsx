type Tab = { key: string; href: string; label: string; current: boolean };

/**
 * The four lists as links (a real address each, so they work without JavaScript and can be
 * bookmarked); the one shown is marked aria-current="page".
 */
export function BillingTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav aria-label={label} className="mt-8 border-b border-line">
      <ul className="flex flex-wrap gap-x-6">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className="inline-block border-b-4 border-transparent py-2 font-semibold text-ink no-underline hover:border-line aria-[current=page]:border-brand"
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
