import {
  Amphora,
  Apple,
  Cherry,
  CookingPot,
  Droplets,
  FlaskConical,
  Gem,
  Hexagon,
  Leaf,
  Milk,
  Nut,
  Palette,
  ShoppingBasket,
  Sparkles,
  Spool,
  Sprout,
  UtensilsCrossed,
  Wheat,
  type LucideIcon,
} from 'lucide-react'

const icons: Record<string, LucideIcon> = {
  honey: Hexagon,
  oil: Droplets,
  olive: Leaf,
  couscous: Wheat,
  fig: Apple,
  almond: Nut,
  jam: Cherry,
  cheese: Milk,
  herbs: Sprout,
  soap: Sparkles,
  cosmetic: FlaskConical,
  pottery: Amphora,
  weaving: Spool,
  jewellery: Gem,
  basket: ShoppingBasket,
  food: UtensilsCrossed,
  craft: Palette,
}

export function CategoryIcon({
  icon,
  size = 40,
  className,
}: {
  icon: string
  size?: number
  className?: string
}) {
  const Icon = icons[icon] ?? CookingPot
  return <Icon aria-hidden size={size} className={className} />
}
