/*
 * resowner.cpp — resource owners (see utils/resowner.h and
 * doc/utils/resowner/README.md).
 *
 * Principal entry points: ResourceOwnerCreate, ResourceOwnerRelease,
 * ResourceOwnerDelete; for the buffer manager, ResourceOwnerEnlargeBuffers,
 * ResourceOwnerRememberBuffer, ResourceOwnerForgetBuffer.
 *
 * An owner is a node in a tree: it owns its children (deleting an owner
 * deletes them), and the roots are owned by this file.  Per resource kind
 * it keeps a list; a pin taken n times is in the list n times.  Lists are
 * searched from the end, because what was taken last is usually given
 * back first.  All of it is process-local memory: owners describe what
 * this process holds.
 */
#include "postgres.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "storage/bufmgr.h"
#include "utils/resowner.h"
#include "utils/resowner/resowner_private.h"

ResourceOwner CurrentResourceOwner = nullptr;
ResourceOwner CurTransactionResourceOwner = nullptr;
ResourceOwner TopTransactionResourceOwner = nullptr;

struct ResourceOwnerData
{
	ResourceOwnerData *parent = nullptr;
	std::string name;
	std::vector<std::unique_ptr<ResourceOwnerData>> children;
	std::vector<Buffer> buffers; /* one entry per pin */
};

namespace {

/* The owners without a parent. */
std::vector<std::unique_ptr<ResourceOwnerData>> &Roots()
{
	static std::vector<std::unique_ptr<ResourceOwnerData>> roots;
	return roots;
}

std::vector<std::pair<ResourceReleaseCallback, void *>> &Callbacks()
{
	static std::vector<std::pair<ResourceReleaseCallback, void *>> callbacks;
	return callbacks;
}

/* The list that holds owner: its parent's children, or the roots. */
std::vector<std::unique_ptr<ResourceOwnerData>> &SiblingsOf(ResourceOwner owner)
{
	return owner->parent != nullptr ? owner->parent->children : Roots();
}

/* Take owner out of the tree; the caller now owns it. */
std::unique_ptr<ResourceOwnerData> Unlink(ResourceOwner owner)
{
	auto &siblings = SiblingsOf(owner);
	auto it = std::find_if(siblings.begin(), siblings.end(),
						   [owner](const auto &p) { return p.get() == owner; });
	if (it == siblings.end())
		elog(ERROR, "resource owner %s is not in the tree", owner->name.c_str());
	std::unique_ptr<ResourceOwnerData> self = std::move(*it);
	siblings.erase(it);
	return self;
}

/* While an owner releases its resources it is the current one, so that
 * the release functions (ReleaseBuffer) forget them in it. */
class CurrentOwnerScope
{
  public:
	explicit CurrentOwnerScope(ResourceOwner owner) : saved_(CurrentResourceOwner)
	{
		CurrentResourceOwner = owner;
	}
	~CurrentOwnerScope() { CurrentResourceOwner = saved_; }
	CurrentOwnerScope(const CurrentOwnerScope &) = delete;
	CurrentOwnerScope &operator=(const CurrentOwnerScope &) = delete;

  private:
	ResourceOwner saved_;
};

void ReleaseInternal(ResourceOwner owner, ResourceReleasePhase phase, bool isCommit,
					 bool isTopLevel)
{
	/* Children first: they were made later, for narrower purposes. */
	for (auto &child : owner->children)
		ReleaseInternal(child.get(), phase, isCommit, isTopLevel);

	CurrentOwnerScope scope(owner);
	if (phase == RESOURCE_RELEASE_BEFORE_LOCKS)
	{
		/* Pins are visible to others (a cleanup lock waits for them). */
		while (!owner->buffers.empty())
		{
			Buffer buffer = owner->buffers.back();
			if (isCommit)
				PrintBufferLeakWarning(buffer);
			ReleaseBuffer(buffer);
		}
	}
	/* A copy: a callback may unregister itself. */
	auto callbacks = Callbacks();
	for (const auto &[fn, arg] : callbacks)
		fn(phase, isCommit, isTopLevel, arg);
}

bool HoldsNothing(const ResourceOwnerData &owner)
{
	if (!owner.buffers.empty())
		return false;
	for (const auto &child : owner.children)
		if (!HoldsNothing(*child))
			return false;
	return true;
}

/* Whether owner is in the tree under (or is) root. */
bool Contains(const ResourceOwnerData &root, ResourceOwner owner)
{
	if (&root == owner)
		return true;
	for (const auto &child : root.children)
		if (Contains(*child, owner))
			return true;
	return false;
}

void ForgetAllBuffersUnder(ResourceOwnerData &owner)
{
	owner.buffers.clear();
	for (auto &child : owner.children)
		ForgetAllBuffersUnder(*child);
}

}  // namespace

ResourceOwner ResourceOwnerCreate(ResourceOwner parent, const char *name)
{
	auto owner = std::make_unique<ResourceOwnerData>();
	owner->parent = parent;
	owner->name = name;
	ResourceOwner result = owner.get();
	SiblingsOf(result).push_back(std::move(owner));
	return result;
}

void ResourceOwnerRelease(ResourceOwner owner, ResourceReleasePhase phase, bool isCommit,
						  bool isTopLevel)
{
	if (owner == nullptr)
		return;
	ReleaseInternal(owner, phase, isCommit, isTopLevel);
}

void ResourceOwnerDelete(ResourceOwner owner)
{
	if (owner == nullptr)
		return;
	/* Deleting an owner that still holds something would lose track of it
	 * for good: a programming error, caught before anything changes. */
	if (!HoldsNothing(*owner))
		elog(ERROR, "resource owner %s still holds resources", owner->name.c_str());
	if (CurrentResourceOwner != nullptr && Contains(*owner, CurrentResourceOwner))
		CurrentResourceOwner = nullptr;
	if (CurTransactionResourceOwner != nullptr && Contains(*owner, CurTransactionResourceOwner))
		CurTransactionResourceOwner = nullptr;
	if (TopTransactionResourceOwner != nullptr && Contains(*owner, TopTransactionResourceOwner))
		TopTransactionResourceOwner = nullptr;
	(void) Unlink(owner); /* and the unique_ptr frees it and its children */
}

ResourceOwner ResourceOwnerGetParent(ResourceOwner owner)
{
	return owner->parent;
}

void ResourceOwnerNewParent(ResourceOwner owner, ResourceOwner newparent)
{
	std::unique_ptr<ResourceOwnerData> self = Unlink(owner);
	owner->parent = newparent;
	SiblingsOf(owner).push_back(std::move(self));
}

void RegisterResourceReleaseCallback(ResourceReleaseCallback callback, void *arg)
{
	Callbacks().emplace_back(callback, arg);
}

void UnregisterResourceReleaseCallback(ResourceReleaseCallback callback, void *arg)
{
	auto &callbacks = Callbacks();
	auto it = std::find(callbacks.begin(), callbacks.end(), std::make_pair(callback, arg));
	if (it != callbacks.end())
		callbacks.erase(it);
}

void ResourceOwnerEnlargeBuffers(ResourceOwner owner)
{
	if (owner == nullptr)
		return;
	std::vector<Buffer> &buffers = owner->buffers;
	if (buffers.size() == buffers.capacity())
		buffers.reserve(std::max<size_t>(16, 2 * buffers.capacity()));
}

void ResourceOwnerRememberBuffer(ResourceOwner owner, Buffer buffer)
{
	if (owner == nullptr)
		return;
	/* Enlarged beforehand: this cannot reallocate, so cannot fail. */
	owner->buffers.push_back(buffer);
}

void ResourceOwnerForgetBuffer(ResourceOwner owner, Buffer buffer)
{
	if (owner == nullptr)
		return;
	std::vector<Buffer> &buffers = owner->buffers;
	for (size_t i = buffers.size(); i-- > 0;)
		if (buffers[i] == buffer)
		{
			buffers[i] = buffers.back();
			buffers.pop_back();
			return;
		}
	elog(ERROR, "buffer %d is not owned by resource owner %s", buffer, owner->name.c_str());
}

void tusk::resowner::ForgetAllBuffers()
{
	for (auto &root : Roots())
		ForgetAllBuffersUnder(*root);
}
