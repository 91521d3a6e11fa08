"""TalentScout: self-hostable AI candidate sourcing."""
